"""Load products into one raw table, whatever they came from.

Two sources, one shape. The books.toscrape.com CSVs of the ``products`` dataset
(one file per category, 1,000 books) and the output of ``level2.scraper``
(JSON Lines or CSV) both become a table with the columns of :data:`RAW_COLUMNS`,
every value still text as scraped. Cleaning is the next step's job
(:mod:`~level2.product_features.clean`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd

__all__ = ["BOOKS_COLUMNS", "MAX_INPUT_BYTES", "RAW_COLUMNS", "books_folder", "load_products"]

#: The budget of one input. A scraped product is about 1 KB of JSON (the 1,000 books are
#: 1.1 MB of CSV), so 100 MB is some 100,000 products: minutes of feature selection already.
MAX_INPUT_BYTES = 100 * 2**20

RAW_COLUMNS = (
    "id",
    "url",
    "title",
    "category",
    "price_text",
    "price_excl_tax_text",
    "default_currency",
    "stock",
    "in_stock",
    "rating",
    "description",
    "source",
)
#: The books CSVs' column names, as written (note the space in the UPC column).
BOOKS_COLUMNS = {
    "product_page_url": "url",
    "universal_ product_code (upc)": "upc",
    "title": "title",
    "price_including_tax": "price_text",
    "price_excluding_tax": "price_excl_tax_text",
    "number_available": "stock",
    "product_description": "description",
    "category": "category",
    "review_rating": "rating",
}


def books_folder() -> Path:
    """The registry's books CSVs (``datasets.DatasetMissing`` if not cached; never downloads)."""
    from level0 import datasets

    return datasets.locate("products") / "books_toscrape"


def load_products(source: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The raw product table from a books folder or CSV, or a scraper output (.jsonl/.csv).

    ``None`` means the registry's books data, when it is cached.
    """
    path = Path(source) if source is not None else books_folder()
    if path.is_dir():
        if (path / "books_toscrape").is_dir():  # the dataset's root folder
            path = path / "books_toscrape"
        files = sorted(path.glob("*.csv"))
        if not files:
            raise ValueError(f"no .csv files in {path}")
        _within_budget(path, sum(f.stat().st_size for f in files))
        return _books(pd.concat([_read_csv(f) for f in files], ignore_index=True), str(path))
    if not path.exists():
        raise FileNotFoundError(2, "No such file or directory", str(path))
    _within_budget(path, path.stat().st_size)
    if path.suffix.lower() == ".jsonl":
        return _scraped(_read_jsonl(path), str(path))
    if path.suffix.lower() == ".csv":
        table = _read_csv(path)
        if "universal_ product_code (upc)" in table.columns:
            return _books(table, str(path))
        return _scraped(table, str(path))
    raise ValueError(f"expected a folder of books CSVs, a .jsonl or a .csv file, not {path.name!r}")


def _within_budget(path: Path, size: int) -> None:
    if size > MAX_INPUT_BYTES:
        raise ValueError(
            f"{path} holds {size / 2**20:.0f} MB of products; this tool reads at most "
            f"{MAX_INPUT_BYTES // 2**20} MB (about 100,000 products)"
        )


def _read_csv(path: Path) -> pd.DataFrame:
    """Every value as text; an empty cell stays an empty string, not NaN."""
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path} is not UTF-8 text (byte offset {exc.start})") from None
    except pd.errors.EmptyDataError:
        raise ValueError(f"{path} is empty") from None
    except pd.errors.ParserError as exc:
        first = str(exc).strip().splitlines()[0]
        raise ValueError(f"{path} is not a readable CSV ({first})") from None


def _read_jsonl(path: Path) -> pd.DataFrame:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path} is not UTF-8 text (byte offset {exc.start})") from None
    rows: list[dict[str, object]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path} line {number} is not JSON ({exc.msg})") from None
        if not isinstance(row, dict):
            raise ValueError(f"{path} line {number} is not a JSON object (one product)")
        rows.append(row)
    return pd.DataFrame(rows)


def _books(table: pd.DataFrame, source: str) -> pd.DataFrame:
    missing = sorted(set(BOOKS_COLUMNS) - set(table.columns))
    if missing:
        raise ValueError(f"{source}: not a books CSV, missing column(s) {', '.join(missing)}")
    raw = table[list(BOOKS_COLUMNS)].rename(columns=BOOKS_COLUMNS)
    raw["id"] = raw.pop("upc")
    raw["default_currency"] = "GBP"  # the CSVs hold bare numbers; the site's prices are in £
    raw["in_stock"] = ""
    return _standard(raw, source)


def _scraped(table: pd.DataFrame, source: str) -> pd.DataFrame:
    needed = {"url", "title", "price_text", "stock", "rating", "category", "description"}
    missing = sorted(needed - set(table.columns))
    if missing:
        raise ValueError(f"{source}: not a scraper output, missing column(s) {', '.join(missing)}")
    raw = table.copy()
    upc = raw["upc"] if "upc" in raw.columns else pd.Series("", index=raw.index)
    raw["id"] = upc.where(upc.notna() & (upc.astype(str) != ""), raw["url"])
    raw["default_currency"] = ""
    raw["price_excl_tax_text"] = ""
    return _standard(raw, source)


def _standard(raw: pd.DataFrame, source: str) -> pd.DataFrame:
    """The RAW_COLUMNS, in order, as text ("" for missing)."""
    raw["source"] = source
    for column in RAW_COLUMNS:
        if column not in raw.columns:
            raw[column] = ""
    out = raw[list(RAW_COLUMNS)]
    return out.map(lambda value: "" if pd.isna(value) else str(value))

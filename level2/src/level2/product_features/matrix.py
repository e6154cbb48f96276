"""The feature matrix for level 3: one numeric row per product, no gaps, every column described.

``build_feature_matrix`` is the public entry point that ``level3.clusters`` imports.
It fits the preprocessing pipeline on all products (fine for clustering, which has
no test set to leak into) and returns a DataFrame indexed by product id.
:func:`describe_columns` says what each column is; :func:`write_matrix` saves both
as ``features.csv`` and ``features.json``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, TypeAlias

import pandas as pd
from sklearn.preprocessing import StandardScaler

from level0.atomic import atomic_open, atomic_write_text
from level2.product_features.clean import TIDY_COLUMNS, drop_duplicate_products, tidy_products
from level2.product_features.load import load_products
from level2.product_features.pipeline import NUMERIC, make_preprocessor

__all__ = ["build_feature_matrix", "describe_columns", "prepare", "write_matrix"]

Products: TypeAlias = pd.DataFrame | str | os.PathLike[str] | None


def prepare(products: Products = None) -> tuple[pd.DataFrame, int]:
    """A tidy table without duplicate products, and how many duplicates were dropped.

    ``products``: a tidy table, a raw table (:func:`~level2.product_features.load_products`),
    a path (books folder or CSV, scraper .jsonl/.csv), or None for the registry's books.
    """
    if isinstance(products, pd.DataFrame):
        table = products if "title_chars" in products.columns else tidy_products(products)
    else:
        table = tidy_products(load_products(products))
    return drop_duplicate_products(table)


def build_feature_matrix(
    products: Products = None,
    *,
    tfidf_terms: int = 20,
    min_category_count: int = 10,
    price_bands: int = 3,
    scale: bool = False,
) -> pd.DataFrame:
    """The numeric feature matrix: one row per product (index ``product_id``), no NaN.

    Columns: price (clipped at the IQR fences, imputed), price_band (0 = cheapest third),
    stock, rating, text lengths, missing-value flags, title flags, one-hot categories
    and TF-IDF weights of the ``tfidf_terms`` most frequent words. Constant columns are
    dropped. ``scale=True`` standardises every column (mean 0, sd 1), as k-means needs.

    >>> matrix = build_feature_matrix("products.jsonl")  # doctest: +SKIP
    >>> matrix.shape, describe_columns(matrix)["price"]  # doctest: +SKIP
    """
    tidy, _ = prepare(products)
    if len(tidy) < 2:
        raise ValueError(f"need at least 2 products to build features, got {len(tidy)}")
    preprocessor = make_preprocessor(
        tfidf_terms=tfidf_terms, min_category_count=min_category_count, price_bands=price_bands
    )
    values = preprocessor.fit_transform(tidy)
    if scale:
        values = StandardScaler().fit_transform(values)
    names = [str(name) for name in preprocessor.get_feature_names_out()]
    index = pd.Index(tidy["id"], name="product_id")
    return pd.DataFrame(values, columns=names, index=index)


_FIXED = {
    "price_band": "price band: 0 = cheapest, equal-frequency bands of the clipped price",
}
_CLIPPED = "; capped at the upper IQR fence, a missing value set to the median"


def describe_columns(matrix: pd.DataFrame) -> dict[str, str]:
    """A one-line description of every column of a :func:`build_feature_matrix` result."""
    described = {}
    for name in matrix.columns:
        if name in _FIXED:
            text = _FIXED[name]
        elif name in NUMERIC:
            text = TIDY_COLUMNS[name].split(";")[0] + _CLIPPED
        elif name in TIDY_COLUMNS:
            text = TIDY_COLUMNS[name]
        elif name.endswith("_missing"):
            text = f"1 if {name.removesuffix('_missing')} was missing (then set to the median)"
        elif name.startswith("category="):
            value = name.removeprefix("category=")
            text = (
                "1 if the category is one of the rare ones (grouped)"
                if value == "other"
                else f"1 if the category is {value!r}"
            )
        elif name.startswith("word="):
            text = (
                f"TF-IDF weight of the word {name.removeprefix('word=')!r} in title + description"
            )
        else:
            text = name
        described[str(name)] = text
    return described


def write_matrix(matrix: pd.DataFrame, folder: Path, source: str) -> list[Path]:
    """``features.csv`` and ``features.json`` (columns, rows, source) in ``folder``, atomically."""
    folder.mkdir(parents=True, exist_ok=True)
    csv_path, json_path = folder / "features.csv", folder / "features.json"
    with atomic_open(csv_path, "w", encoding="utf-8", newline="") as handle:
        matrix.to_csv(handle, float_format="%.6g")
    meta: dict[str, Any] = {
        "source": source,
        "rows": len(matrix),
        "index": "product_id: the UPC, or the product URL when there is none",
        "scaled": False,
        "note": "unscaled: standardise the columns before a distance-based method (k-means)",
        "columns": [
            {"name": name, "description": text} for name, text in describe_columns(matrix).items()
        ],
    }
    atomic_write_text(json_path, json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    return [csv_path, json_path]

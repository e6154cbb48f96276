"""Reading a labelled table: any CSV or TSV, with or without a header, checked before training.

A text-classification tool meets files it has never seen, so reading is where most
things go wrong. :class:`TableFormat` says how to read one (separator, header, quoting,
which columns), with defaults guessed from the file name; :func:`read_labelled` reads it
and refuses, in one line each, what no classifier could learn from: an empty file, a
column that is not there, a single label, a label with only one example.
"""

from __future__ import annotations

import csv
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from level1.spam.corpus import corpus_sha256, deduplicate

__all__ = [
    "LabelledTexts",
    "TableError",
    "TableFormat",
    "check_learnable",
    "read_labelled",
    "table_format",
]

TAB_SUFFIXES = (".tsv", ".tab", ".txt")
SEPARATOR_NAMES = {"\\t": "\t", "tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}


class TableError(ValueError):
    """A table no classifier can be trained on or evaluated with, and why."""


@dataclass(frozen=True)
class TableFormat:
    """How to read a table. Columns are names, or 0-based positions when there is no header."""

    sep: str = ","
    header: bool = True
    quoting: bool = True
    text_col: str = "text"
    label_col: str = "label"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def table_format(
    path: str | Path,
    *,
    sep: str | None = None,
    header: bool = True,
    quoting: bool | None = None,
    text_col: str | None = None,
    label_col: str | None = None,
) -> TableFormat:
    """Fill in what was not given: a tab for .tsv/.tab/.txt files, else a comma; CSV quoting
    for commas but none for tabs (a TSV line is split on tabs, quotes are ordinary characters);
    columns "text" and "label", or 0 and 1 without a header."""
    if sep is None:
        sep = "\t" if Path(path).suffix.lower() in TAB_SUFFIXES else ","
    sep = SEPARATOR_NAMES.get(sep, sep)
    if len(sep) != 1:
        raise TableError(f"the separator must be one character (or \\t, tab, comma), not {sep!r}")
    return TableFormat(
        sep=sep,
        header=header,
        quoting=(sep != "\t") if quoting is None else quoting,
        text_col=text_col if text_col is not None else ("text" if header else "0"),
        label_col=label_col if label_col is not None else ("label" if header else "1"),
    )


@dataclass(frozen=True)
class LabelledTexts:
    """Texts and their labels (as strings), after dropping blank rows and duplicate texts."""

    source: str
    texts: np.ndarray
    labels: np.ndarray
    blank_rows: int = 0
    duplicates_removed: int = 0

    @property
    def sha256(self) -> str:
        return corpus_sha256(self.texts, self.labels)

    @property
    def classes(self) -> list[str]:
        return sorted(set(self.labels.tolist()))

    def __len__(self) -> int:
        return len(self.texts)


def _column(table: pd.DataFrame, wanted: str, fmt: TableFormat, path: Path) -> pd.Series:
    if fmt.header:
        if wanted not in table.columns:
            known = ", ".join(map(str, table.columns))
            raise TableError(
                f"{path} has no column {wanted!r}; its columns are: {known} "
                "(if the first line is data, not names, add --no-header)"
            )
        return table[wanted]
    if not wanted.isdigit():
        raise TableError(
            f"without a header, columns are numbers from 0 (got {wanted!r}); "
            "drop --no-header to use column names"
        )
    if int(wanted) >= table.shape[1]:
        raise TableError(
            f"{path} has {table.shape[1]} column(s), so there is no column {wanted} "
            f"(numbered from 0); is the separator {fmt.sep!r} right?"
        )
    return table[int(wanted)]


def read_labelled(
    path: str | Path, fmt: TableFormat, *, need_classes: bool = True
) -> LabelledTexts:
    """Read ``path`` with ``fmt``. ``need_classes``: refuse data with one label, or a label
    seen only once (training needs both; evaluation does not)."""
    source = Path(path)
    if source.is_file() and source.stat().st_size == 0:
        raise TableError(f"{source} is empty")
    try:
        table = pd.read_csv(
            source,
            sep=fmt.sep,
            header=0 if fmt.header else None,
            quoting=csv.QUOTE_MINIMAL if fmt.quoting else csv.QUOTE_NONE,
            dtype=str,
            keep_default_na=False,
            encoding="utf-8",
        )
    except pd.errors.EmptyDataError:
        raise TableError(f"{source} is empty") from None
    except pd.errors.ParserError as exc:
        detail = " ".join(str(exc).split())
        raise TableError(f"{source} cannot be read with separator {fmt.sep!r}: {detail}") from None
    except UnicodeDecodeError as exc:
        raise TableError(
            f"{source} is not UTF-8 text (it holds the byte 0x{exc.object[exc.start]:02x}); "
            "save it as UTF-8 and try again"
        ) from None
    texts = _column(table, fmt.text_col, fmt, source).str.strip()
    labels = _column(table, fmt.label_col, fmt, source).str.strip()
    filled = ((texts != "") & (labels != "")).to_numpy()
    if not filled.any():
        raise TableError(f"{source} has no rows with both a text and a label")
    unique_texts, unique_labels, dropped = deduplicate(
        texts.to_numpy(dtype=object)[filled], labels.to_numpy(dtype=object)[filled]
    )
    data = LabelledTexts(str(source), unique_texts, unique_labels, int((~filled).sum()), dropped)
    if need_classes:
        check_learnable(data)
    return data


def check_learnable(data: LabelledTexts) -> None:
    """Refuse data with a single label, or a label with one example (it cannot be split)."""
    labels, counts = np.unique(data.labels, return_counts=True)
    if len(labels) < 2:
        raise TableError(
            f"{data.source} has a single label ({labels[0]!r}); a classifier needs at least two"
        )
    if counts.min() < 2:
        rare = labels[counts.argmin()]
        raise TableError(
            f"label {rare!r} has a single example in {data.source}; every label needs at least two"
        )

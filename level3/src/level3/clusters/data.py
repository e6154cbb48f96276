"""Where the product feature matrix comes from: a features CSV, the real books, or the demo shop.

Level 2 builds the matrix (:func:`level2.product_features.build_feature_matrix`); this
module only chooses the source. The real books.toscrape.com catalogue is used when the
registry has it cached. Without it, the demo shop (synthetic ``level0.datagen``
products) is crawled the way level 2's own tour does it, and the result is labelled
synthetic everywhere it is shown.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from level0 import datasets

__all__ = ["Features", "load_features", "read_features"]

Kind = Literal["real", "synthetic", "file"]


@dataclass(frozen=True)
class Features:
    """A numeric matrix (one row per product, unscaled) and where it came from."""

    matrix: pd.DataFrame
    kind: Kind
    label: str


def read_features(path: str | os.PathLike[str]) -> pd.DataFrame:
    """A features CSV (first column: the product id), checked: numeric, no gaps, 3+ rows."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(2, "No such file or directory", str(path))
    try:
        matrix = pd.read_csv(path, index_col=0)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: not a readable CSV ({exc})") from None
    return check_matrix(matrix, str(path))


def check_matrix(matrix: pd.DataFrame, source: str) -> pd.DataFrame:
    """The matrix as floats, or a one-line ValueError saying what is wrong with it."""
    if matrix.shape[1] < 2:
        raise ValueError(f"{source}: need at least 2 feature columns, got {matrix.shape[1]}")
    text = [str(c) for c in matrix.columns if not pd.api.types.is_numeric_dtype(matrix[c])]
    if text:
        raise ValueError(f"{source}: non-numeric column(s) {', '.join(text[:5])}")
    values = matrix.astype(float)
    if not np.isfinite(values.to_numpy()).all():
        raise ValueError(f"{source}: missing or infinite values (impute them first)")
    if len(values) < 3:
        raise ValueError(f"{source}: need at least 3 rows to cluster, got {len(values)}")
    return values


def load_features(
    path: str | os.PathLike[str] | None = None, *, work_dir: Path | None = None
) -> Features:
    """The matrix from ``path``, else the cached real books, else a crawl of the demo shop.

    ``work_dir`` is where the demo crawl is written (a temporary folder when None).
    """
    if path is not None:
        return Features(read_features(path), "file", f"file: {path}")
    from level2.product_features import build_feature_matrix

    try:
        datasets.locate("products")
    except datasets.DatasetMissing:
        return _demo_shop(work_dir)
    matrix = build_feature_matrix()
    return Features(matrix, "real", "real: the books.toscrape.com catalogue (1,000 books, 2021)")


def _demo_shop(work_dir: Path | None) -> Features:
    """300 synthetic products crawled from level 2's demo shop, as level 2's tour does."""
    import tempfile

    from level2.product_features import build_feature_matrix
    from level2.scraper import scrape_demo_shop

    label = "synthetic: level0.datagen products, crawled from level2's demo shop"
    if work_dir is not None:
        work_dir.mkdir(parents=True, exist_ok=True)
        crawl = scrape_demo_shop(work_dir / "demo_products.jsonl")
        return Features(build_feature_matrix(crawl), "synthetic", label)
    with tempfile.TemporaryDirectory() as tmp:
        crawl = scrape_demo_shop(Path(tmp) / "demo_products.jsonl")
        return Features(build_feature_matrix(crawl), "synthetic", label)

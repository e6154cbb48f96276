"""Tour step: features and a report from the real books data, or from a crawl of the demo shop."""

from __future__ import annotations

from pathlib import Path

from level0 import datasets
from level0.tour import DataKind, TourResult
from level2.product_features.report import build
from level2.scraper import scrape_demo_shop


def run(out: Path) -> TourResult:
    try:
        source: Path = datasets.locate("products")
        kind: DataKind = "real"
        label = "real: the books.toscrape.com catalogue, scraped in 2021"
    except datasets.DatasetMissing:
        source = scrape_demo_shop(out / "demo_products.jsonl")
        kind, label = "synthetic", "synthetic: level0.datagen products, crawled from the demo shop"
    result = build(source, out / "report", data_label=label)
    best = result.selection.table.iloc[1:].sort_values("cv_mean").iloc[-1]
    key = (
        f"{result.products} products, {result.matrix_shape[1]} features; price band best CV "
        f"balanced accuracy {best['cv_mean']:.3f} ({best['method']}) vs chance "
        f"{result.selection.chance:.3f}"
    )
    return TourResult(data=kind, key_result=key, files=result.files)

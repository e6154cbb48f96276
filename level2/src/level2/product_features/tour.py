"""Tour step: features and a report from the real books data, or from a crawl of the demo shop."""

from __future__ import annotations

from pathlib import Path

from level0 import datasets
from level0.tour import DataKind, TourResult
from level2.product_features.report import build


def run(out: Path) -> TourResult:
    try:
        source: Path = datasets.locate("products")
        kind: DataKind = "real"
        label = "real: the books.toscrape.com catalogue, scraped in 2021"
    except datasets.DatasetMissing:
        source = _crawl_demo_shop(out / "demo_products.jsonl")
        kind, label = "synthetic", "synthetic: level0.datagen products, crawled from the demo shop"
    result = build(source, out / "report", data_label=label)
    best = result.selection.table.iloc[1:].sort_values("cv_mean").iloc[-1]
    key = (
        f"{result.products} products, {result.matrix_shape[1]} features; price band best CV "
        f"balanced accuracy {best['cv_mean']:.3f} ({best['method']}) vs chance "
        f"{result.selection.chance:.3f}"
    )
    return TourResult(data=kind, key_result=key, files=result.files)


def _crawl_demo_shop(output: Path) -> Path:
    """300 synthetic products from the local demo shop (what a learner without the data gets)."""
    from level2.scraper import Fetcher, crawl, serve_demo, state_path

    for stale in (output, state_path(output)):
        stale.unlink(missing_ok=True)
    with (
        serve_demo(products=300, slow_seconds=0.1) as shop,
        Fetcher(delay=0, backoff=0.05) as fetcher,
    ):
        crawl(shop.url, output, fetcher=fetcher, progress=False)
    return output

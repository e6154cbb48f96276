"""Tour step: crawl the local demo shop twice; the second run resumes and fetches nothing new."""

from __future__ import annotations

import json
from pathlib import Path

from level0.atomic import atomic_write_text
from level0.tour import TourResult
from level2.scraper.crawler import crawl, state_path
from level2.scraper.demo_shop import serve_demo
from level2.scraper.fetch import Fetcher


def run(out: Path) -> TourResult:
    output = out / "products.jsonl"
    for stale in (output, state_path(output)):  # a fresh crawl each time the tour runs
        stale.unlink(missing_ok=True)
    with serve_demo(products=60, slow_seconds=0.5) as shop:
        with Fetcher(delay=0.02, backoff=0.2) as fetcher:
            first = crawl(shop.url, output, fetcher=fetcher, progress=False)
        with Fetcher(delay=0.02) as fetcher:
            again = crawl(shop.url, output, fetcher=fetcher, progress=False)
        private_requested = any("staff-picks" in path for path in shop.paths)
    report = {
        "data": "synthetic products (level0.datagen) served by the local demo shop",
        "first_run": first.as_dict(),
        "second_run": again.as_dict(),
        "disallowed_path_requested": private_requested,
    }
    report_path = out / "crawl_report.json"
    atomic_write_text(report_path, json.dumps(report, indent=2) + "\n")
    key = (
        f"{first.products_written} products from the demo shop in {first.requests} requests "
        f"({first.retries} retry), {len(first.disallowed)} disallowed by robots.txt, "
        f"{sum(first.issues.values())} data-quality issues; re-run fetched "
        f"{again.products_written} new"
    )
    return TourResult(data="local server", key_result=key, files=[output, report_path])

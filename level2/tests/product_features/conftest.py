"""Shared pieces of the product-feature tests: the module under test and scraped demo products."""

from __future__ import annotations

import json

import pytest

from level2.scraper import build_catalogue, parse_product_page
from level2.scraper.demo_pages import product_page


@pytest.fixture(scope="session")
def pf(solution):
    return solution("level2.product_features")


@pytest.fixture(scope="session")
def demo_jsonl(tmp_path_factory):
    """What ``level2.scraper crawl`` writes for a 240-product demo shop (pages parsed
    straight from the shop's HTML, without the HTTP round trip; synthetic data)."""
    path = tmp_path_factory.mktemp("demo") / "products.jsonl"
    lines = []
    for product in build_catalogue(240, seed=1):
        url = f"http://127.0.0.1:8000{product.path}"
        record = parse_product_page(product_page(product), url).to_record()
        lines.append(json.dumps(record, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def demo_tidy(pf, demo_jsonl):
    tidy, _ = pf.prepare(demo_jsonl)
    return tidy

"""Crawling the demo shop in-process: completeness, retries, resuming, crashes, CSV output."""

from __future__ import annotations

import csv
import json
from collections import Counter

import pytest

import level2.scraper.crawler as crawl_module


def product_paths(shop) -> list[str]:
    return [path for path in shop.paths if path.endswith("/index.html") and path != "/index.html"]


def lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_full_crawl_of_the_demo_shop(scraper, shop, fetcher, tmp_path):
    output = tmp_path / "products.jsonl"
    report = scraper.crawl(shop.url, output, fetcher=fetcher)
    records = lines(output)
    reachable = [p for p in shop.catalogue if p.special != "private"]
    assert report.products_written == len(records) == len(reachable) == 24
    assert report.catalogue_pages == report.catalogue_pages_fetched == 3
    assert report.failed == {}
    assert len(report.disallowed) == 1
    assert {r["url"].removeprefix(shop.url.rstrip("/")) for r in records} == {
        p.path for p in reachable
    }
    # the flaky page answered 500 once, then 200 on retry
    flaky = next(p for p in shop.catalogue if p.special == "flaky")
    assert shop.paths.count(flaky.path) == 2
    assert report.retries == 1
    assert {agent for _, agent in shop.requests} == {scraper.USER_AGENT}
    assert sum(report.issues.values()) == sum(len(r["issues"]) for r in records)


def test_records_agree_with_the_shop_catalogue(scraper, shop, fetcher, tmp_path):
    output = tmp_path / "products.jsonl"
    scraper.crawl(shop.url, output, fetcher=fetcher)
    by_path = {r["url"].removeprefix(shop.url.rstrip("/")): r for r in lines(output)}
    for product in shop.catalogue:
        if product.special in ("private", "broken"):
            continue
        record = by_path[product.path]
        assert record["title"] == product.title
        assert record["category"] == product.category
        assert record["upc"] == product.upc
        assert record["rating"] == product.rating
        assert (record["price_text"] or "") == product.price_text
        assert record["in_stock"] == (product.stock != 0)
        if product.stock:
            assert record["stock"] == product.stock
    broken = next(p for p in shop.catalogue if p.special == "broken")
    assert "price: missing" in by_path[broken.path]["issues"]


def test_resume_skips_everything_already_fetched(scraper, shop, fetcher, tmp_path):
    output = tmp_path / "products.jsonl"
    first = scraper.crawl(shop.url, output, fetcher=fetcher, max_products=5)
    assert first.products_written == 5
    assert first.stopped_early
    assert len(lines(output)) == 5
    second = scraper.crawl(shop.url, output, fetcher=fetcher)
    assert second.products_already_done == 5
    assert first.products_written + second.products_written == 24
    assert second.catalogue_pages_fetched == 2  # page 1 came from the state file
    third = scraper.crawl(shop.url, output, fetcher=fetcher)
    assert third.products_written == 0
    assert third.catalogue_pages_fetched == 0
    assert third.requests == 1  # robots.txt only
    counts = Counter(product_paths(shop))
    flaky = next(p.path for p in shop.catalogue if p.special == "flaky")
    assert all(n == 1 for path, n in counts.items() if path != flaky)
    assert len(lines(output)) == 24
    assert len({r["url"] for r in lines(output)}) == 24


def test_a_crash_loses_nothing_already_written(scraper, shop, fetcher, tmp_path, monkeypatch):
    output = tmp_path / "products.jsonl"
    real_parse, calls = crawl_module.parse_product_page, []

    def parse_then_crash(*args, **kwargs):
        calls.append(1)
        if len(calls) == 7:
            raise KeyboardInterrupt  # the user pressed Ctrl-C in the middle
        return real_parse(*args, **kwargs)

    monkeypatch.setattr(crawl_module, "parse_product_page", parse_then_crash)
    with pytest.raises(KeyboardInterrupt):
        crawl_module.crawl(shop.url, output, fetcher=fetcher)
    assert len(lines(output)) == 6
    monkeypatch.undo()
    report = crawl_module.crawl(shop.url, output, fetcher=fetcher)
    assert report.products_already_done == 6
    assert report.products_written == 18
    assert len({r["url"] for r in lines(output)}) == len(lines(output)) == 24


def test_a_torn_last_line_is_repaired(scraper, shop, fetcher, tmp_path):
    output = tmp_path / "products.jsonl"
    scraper.crawl(shop.url, output, fetcher=fetcher, max_products=3)
    with output.open("a", encoding="utf-8") as handle:
        handle.write('{"url": "http://127.0.0.1/half-writ')  # a crash in mid-write
    report = scraper.crawl(shop.url, output, fetcher=fetcher)
    assert report.products_already_done == 3
    assert len(lines(output)) == 24  # every line parses again


def test_csv_output_holds_the_same_products(scraper, shop, fetcher, tmp_path):
    output = tmp_path / "p.csv"
    scraper.crawl(shop.url, output, fetcher=fetcher, max_products=10)
    report = scraper.crawl(shop.url, output, fetcher=fetcher)  # resumes from the CSV
    assert report.products_already_done == 10
    with output.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == scraper.RECORD_FIELDS
    base = shop.url.rstrip("/")
    assert [r["url"] for r in rows] == [
        base + p.path for p in shop.catalogue if p.special != "private"
    ]
    assert [r["url"] for r in scraper.read_records(output)] == [r["url"] for r in rows]


def test_a_page_that_timed_out_is_retried_by_the_next_run(scraper, tmp_path):
    output = tmp_path / "products.jsonl"
    # The slow page takes 2 s; every other page must answer within the impatient 0.8 s
    # timeout, a wide margin so that a busy machine cannot make them fail too.
    with scraper.serve_demo(products=12, slow_seconds=2.0) as shop:
        slow = next(p for p in shop.catalogue if p.special == "slow")
        with scraper.Fetcher(delay=0, timeout=0.8, retries=1, backoff=0) as impatient:
            report = scraper.crawl(shop.url, output, fetcher=impatient)
        assert [url.removeprefix(shop.url.rstrip("/")) for url in report.failed] == [slow.path]
        assert report.products_written == 10
        with scraper.Fetcher(delay=0, timeout=5) as patient:
            again = scraper.crawl(shop.url, output, fetcher=patient)
    assert again.products_written == 1
    assert again.failed == {}


def test_bad_requests_are_refused(scraper, tmp_path, fetcher):
    with pytest.raises(ValueError, match="not an http"):
        scraper.crawl("ftp://example.org/", tmp_path / "p.jsonl", fetcher=fetcher)
    with pytest.raises(ValueError, match=r"must end in \.jsonl or \.csv"):
        scraper.ProductStore(tmp_path / "p.txt")
    with pytest.raises(ValueError, match="max_products"):
        scraper.crawl("http://127.0.0.1:1/", tmp_path / "p.jsonl", max_products=0)


def test_a_corrupt_output_is_reported_not_overwritten(scraper, tmp_path):
    output = tmp_path / "p.jsonl"
    output.write_text('{"url": "a"}\nnot json\n{"url": "b"}\n')
    with pytest.raises(ValueError, match="line 2 is not JSON"):
        scraper.ProductStore(output)
    assert output.read_text() == '{"url": "a"}\nnot json\n{"url": "b"}\n'


def test_a_missing_start_page_is_an_error(scraper, shop, fetcher, tmp_path):
    with pytest.raises(scraper.CrawlError, match=r"cannot read the start page .* HTTP 404"):
        scraper.crawl(shop.url + "catalogue/page-99.html", tmp_path / "p.jsonl", fetcher=fetcher)

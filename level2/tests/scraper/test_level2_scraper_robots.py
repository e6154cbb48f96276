"""robots.txt: the rules, what a missing or failing file means, and that the crawler obeys."""

from __future__ import annotations

import pytest

RULES = """User-agent: *
Disallow: /private/

User-agent: mlroadmap-scraper
Disallow: /no-robots-like-us/
Crawl-delay: 3
"""


def test_rules_for_our_user_agent(scraper):
    policy = scraper.RobotsPolicy.from_text(RULES, scraper.USER_AGENT)
    assert policy.allowed("http://shop/catalogue/page-2.html")
    assert not policy.allowed("http://shop/no-robots-like-us/x.html")
    assert policy.crawl_delay == 3.0
    other = scraper.RobotsPolicy.from_text(RULES, "SomeOtherBot/1.0")
    assert not other.allowed("http://shop/private/a.html")
    assert other.allowed("http://shop/no-robots-like-us/x.html")
    assert other.crawl_delay is None


def test_robots_url_is_at_the_root_of_the_host(scraper):
    assert scraper.robots_url("https://books.toscrape.com/catalogue/page-2.html") == (
        "https://books.toscrape.com/robots.txt"
    )
    assert scraper.robots_url("http://127.0.0.1:8000/a/b?c=d") == "http://127.0.0.1:8000/robots.txt"


@pytest.mark.parametrize(
    ("status", "allowed"), [(404, True), (410, True), (401, False), (403, False)]
)
def test_a_missing_or_forbidden_robots_txt(scraper, httpserver, fetcher, status, allowed):
    httpserver.expect_request("/robots.txt").respond_with_data("", status=status)
    policy = scraper.RobotsPolicy.fetch(fetcher, httpserver.url_for("/shop/index.html"))
    assert policy.allowed(httpserver.url_for("/shop/index.html")) is allowed


def test_a_failing_robots_txt_stops_the_crawl(scraper, httpserver, tmp_path):
    httpserver.expect_request("/robots.txt").respond_with_data("oops", status=500)
    with scraper.Fetcher(delay=0, retries=1, backoff=0) as fetcher:
        with pytest.raises(scraper.RobotsUnavailable, match="not crawling"):
            scraper.RobotsPolicy.fetch(fetcher, httpserver.url_for("/"))
        with pytest.raises(scraper.CrawlError, match=r"robots.txt \(HTTP 500 after 2"):
            scraper.crawl(httpserver.url_for("/"), tmp_path / "p.jsonl", fetcher=fetcher)
    assert {entry[0].path for entry in httpserver.log} == {"/robots.txt"}


def test_a_disallowed_start_page_is_not_fetched(scraper, httpserver, fetcher, tmp_path):
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /\n")
    with pytest.raises(scraper.CrawlError, match=r"robots\.txt does not allow"):
        scraper.crawl(httpserver.url_for("/index.html"), tmp_path / "p.jsonl", fetcher=fetcher)
    assert [entry[0].path for entry in httpserver.log] == ["/robots.txt"]


def test_crawl_delay_slows_the_fetcher_down(scraper, httpserver, tmp_path, fake_time):
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nCrawl-delay: 2\n")
    httpserver.expect_request("/index.html").respond_with_data(
        '<article class="product_pod"><h3><a href="p.html">P</a></h3></article>'
    )
    httpserver.expect_request("/p.html").respond_with_data("<h1>P</h1>")
    with scraper.Fetcher(delay=0.5, clock=fake_time.clock, sleep=fake_time.sleep) as fetcher:
        scraper.crawl(httpserver.url_for("/index.html"), tmp_path / "p.jsonl", fetcher=fetcher)
        assert fetcher.delay == 2.0
    assert fake_time.sleeps == [2.0, 2.0]  # before the catalogue page and the product page


def test_the_demo_shop_robots_txt_is_obeyed(scraper, shop, fetcher, tmp_path):
    report = scraper.crawl(shop.url, tmp_path / "p.jsonl", fetcher=fetcher)
    private = [p for p in shop.catalogue if p.special == "private"]
    assert [url.removeprefix(shop.url.rstrip("/")) for url in report.disallowed] == [
        p.path for p in private
    ]
    assert not any("staff-picks" in path for path in shop.paths)
    assert shop.paths[0] == "/robots.txt"

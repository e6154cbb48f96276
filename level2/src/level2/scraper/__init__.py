"""A polite, resumable product scraper (requests + BeautifulSoup) and a local demo shop to scrape.

>>> from level2.scraper import crawl, serve_demo
>>> with serve_demo(products=30) as shop:  # doctest: +SKIP
...     report = crawl(shop.url, "products.jsonl")
>>> report.products_written, dict(report.issues)  # doctest: +SKIP

``crawl`` reads robots.txt and obeys it, waits between requests, retries 429/5xx
with exponential backoff, appends each product to JSON Lines or CSV as soon as it
is parsed, and skips what a previous run already fetched. Pages that cannot be
read in full become records with data-quality ``issues``, never a crash.
``serve_demo`` runs a shop in the HTML structure of books.toscrape.com on
127.0.0.1, filled with synthetic products from ``level0.datagen``.
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

if TYPE_CHECKING:  # imported on first use, so the CLI starts without requests and bs4
    from level2.scraper.crawler import CrawlError, CrawlReport, crawl, state_path
    from level2.scraper.demo_catalogue import (
        SHOP_RATES_TO_GBP,
        SPECIAL,
        DemoProduct,
        build_catalogue,
    )
    from level2.scraper.demo_shop import DemoShop, scrape_demo_shop, serve_demo
    from level2.scraper.fetch import USER_AGENT, Fetcher, FetchResult
    from level2.scraper.parse import (
        RECORD_FIELDS,
        Issue,
        ListPage,
        Product,
        parse_list_page,
        parse_price_text,
        parse_product_page,
    )
    from level2.scraper.robots import RobotsPolicy, RobotsUnavailable, robots_url
    from level2.scraper.store import CrawlState, ProductStore, read_records

__all__ = [
    "RECORD_FIELDS",
    "SHOP_RATES_TO_GBP",
    "SPECIAL",
    "USER_AGENT",
    "CrawlError",
    "CrawlReport",
    "CrawlState",
    "DemoProduct",
    "DemoShop",
    "FetchResult",
    "Fetcher",
    "Issue",
    "ListPage",
    "Product",
    "ProductStore",
    "RobotsPolicy",
    "RobotsUnavailable",
    "build_catalogue",
    "crawl",
    "parse_list_page",
    "parse_price_text",
    "parse_product_page",
    "read_records",
    "robots_url",
    "scrape_demo_shop",
    "serve_demo",
    "state_path",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)

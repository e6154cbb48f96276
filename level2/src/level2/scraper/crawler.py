"""The crawl: catalogue pages in order, each followed by its product pages.

1. Read the site's robots.txt; stop if it cannot be read or forbids the start page.
2. Walk the catalogue from the start page along its "next" links.
3. For each product link: skip it if already in the output or forbidden by
   robots.txt; otherwise fetch, parse and append it to the output at once.

A catalogue page is saved to the state file only after it was read, and a
product only after it was parsed, so an interrupted crawl resumes where it
stopped. Pages that failed (a 404, a 500 that persisted) are reported and
tried again by the next run.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tqdm import tqdm

from level2.scraper.fetch import Fetcher
from level2.scraper.parse import ListPage, parse_list_page, parse_product_page
from level2.scraper.robots import RobotsPolicy, RobotsUnavailable
from level2.scraper.store import CrawlState, ProductStore

__all__ = ["MAX_DELAY", "MAX_PAGES", "CrawlError", "CrawlReport", "crawl", "state_path"]

# A run's budget: a catalogue whose "next" links never end (a calendar, a generated
# listing) stops after MAX_PAGES pages; a robots.txt Crawl-delay above MAX_DELAY seconds
# would make the crawl take forever, so the crawl is refused instead.
MAX_PAGES = 10_000
MAX_DELAY = 60.0


class CrawlError(Exception):
    """The crawl could not start or had to stop (robots.txt, an unreachable start page)."""


@dataclass
class CrawlReport:
    """What one run did. ``issues`` counts data-quality issues by kind, e.g. "price: missing"."""

    start_url: str
    output: str
    catalogue_pages: int = 0  # catalogue pages read this run (fetched or from the state file)
    catalogue_pages_fetched: int = 0
    products_written: int = 0
    products_already_done: int = 0
    disallowed: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    issues: Counter[str] = field(default_factory=Counter)
    requests: int = 0
    retries: int = 0
    stopped_early: bool = False  # a budget was reached: max_products or max_pages
    stopped_by: str = ""  # which one: "--max-products" or "--max-pages"
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["issues"] = dict(sorted(self.issues.items()))
        data["seconds"] = round(self.seconds, 2)
        return data


def state_path(output: str | os.PathLike[str]) -> Path:
    """The state file kept next to ``output``: ``products.jsonl`` -> ``products.jsonl.state``."""
    output = Path(output)
    return output.with_name(output.name + ".state")


def crawl(
    start_url: str,
    output: str | os.PathLike[str],
    *,
    fetcher: Fetcher | None = None,
    max_products: int | None = None,
    max_pages: int = MAX_PAGES,
    progress: bool | None = None,
) -> CrawlReport:
    """Crawl the catalogue that starts at ``start_url`` into ``output`` (.jsonl or .csv).

    ``max_products`` stops after that many new products (handy for a first look
    at a real site), ``max_pages`` after that many catalogue pages (a budget against
    a catalogue that never ends; pages read by an earlier run do not count, so a
    re-run goes on from there). ``progress``: a tqdm bar (None: only on a terminal).
    """
    if urlsplit(start_url).scheme not in ("http", "https") or not urlsplit(start_url).netloc:
        raise ValueError(f"not an http(s) URL: {start_url!r}")
    if max_products is not None and max_products < 1:
        raise ValueError(f"max_products must be at least 1, not {max_products}")
    if max_pages < 1:
        raise ValueError(f"max_pages must be at least 1, not {max_pages}")
    own_fetcher = fetcher is None
    fetcher = fetcher or Fetcher()
    started = time.perf_counter()
    requests_before, retries_before = fetcher.requests_sent, fetcher.retries_used
    report = CrawlReport(start_url, str(output))
    try:
        robots = _robots(fetcher, start_url)
        with (
            ProductStore(output) as store,
            CrawlState(state_path(output)) as state,
            tqdm(
                desc="products", unit="page", disable=None if progress is None else not progress
            ) as bar,
        ):
            _walk(start_url, fetcher, robots, store, state, report, (max_products, max_pages), bar)
    finally:
        report.requests = fetcher.requests_sent - requests_before
        report.retries = fetcher.retries_used - retries_before
        report.seconds = time.perf_counter() - started
        if own_fetcher:
            fetcher.close()
    return report


def _robots(fetcher: Fetcher, start_url: str) -> RobotsPolicy:
    """The site's rules; the fetcher slows down to its Crawl-delay."""
    try:
        robots = RobotsPolicy.fetch(fetcher, start_url)
    except RobotsUnavailable as exc:
        raise CrawlError(str(exc)) from None
    if robots.crawl_delay is not None:
        if robots.crawl_delay > MAX_DELAY:
            raise CrawlError(
                f"robots.txt asks for {robots.crawl_delay:g} s between requests, more than "
                f"the {MAX_DELAY:g} s this crawler waits; not crawling"
            )
        fetcher.delay = max(fetcher.delay, robots.crawl_delay)
    if not robots.allowed(start_url):
        raise CrawlError(f"robots.txt does not allow crawling {start_url}")
    return robots


def _walk(
    start_url: str,
    fetcher: Fetcher,
    robots: RobotsPolicy,
    store: ProductStore,
    state: CrawlState,
    report: CrawlReport,
    budget: tuple[int | None, int],
    bar: tqdm[Any],
) -> None:
    max_products, max_pages = budget
    site = urlsplit(start_url).netloc
    url: str | None = start_url
    seen: set[str] = set()
    while url is not None and url not in seen:  # `seen` guards against a "next" loop
        if report.catalogue_pages_fetched >= max_pages and url not in state.pages:
            report.stopped_early, report.stopped_by = True, "--max-pages"
            return
        seen.add(url)
        page = _catalogue_page(url, fetcher, robots, state, report, first=url == start_url)
        if page is None:
            return
        for product_url in page.product_urls:
            if urlsplit(product_url).netloc != site:
                continue  # stay on the site we were asked to crawl
            if product_url in store.done:
                report.products_already_done += 1
                continue
            if not robots.allowed(product_url):
                report.disallowed.append(product_url)
                continue
            if max_products is not None and report.products_written >= max_products:
                report.stopped_early, report.stopped_by = True, "--max-products"
                return
            result = fetcher.get(product_url)
            bar.update()
            if not result.ok:
                report.failed[product_url] = str(result.error)
                continue
            product = parse_product_page(result.content, product_url, result.encoding)
            store.add(product.to_record())
            report.products_written += 1
            report.issues.update(issue.kind for issue in product.issues)
        url = page.next_url


def _catalogue_page(
    url: str,
    fetcher: Fetcher,
    robots: RobotsPolicy,
    state: CrawlState,
    report: CrawlReport,
    first: bool,
) -> ListPage | None:
    """The catalogue page at ``url``: from the state file, or fetched and saved there."""
    if url in state.pages:
        report.catalogue_pages += 1
        return state.pages[url]
    if not robots.allowed(url):
        report.disallowed.append(url)
        return None
    result = fetcher.get(url)
    if not result.ok:
        if first:
            raise CrawlError(f"cannot read the start page {url}: {result.error}")
        report.failed[url] = str(result.error)
        return None
    page = parse_list_page(result.content, url, result.encoding)
    report.catalogue_pages += 1
    report.catalogue_pages_fetched += 1
    report.issues.update(issue.kind for issue in page.issues)
    if page.product_urls:  # an empty page may be a glitch: fetch it again next time
        state.add(page)
    return page

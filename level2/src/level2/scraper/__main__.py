"""python -m level2.scraper: crawl a product catalogue, serve the demo shop, or parse a saved page."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from level0 import interrupts
from level0.cli import Failure, UsageError, float_in, int_in, make_parser, require_memory, run

if TYPE_CHECKING:
    from level2.scraper.crawler import CrawlReport
    from level2.scraper.demo_shop import DemoShop

# The parser's limits, spelled out so that --help needs neither requests nor
# BeautifulSoup; a test checks they equal the library's. Heavy imports wait in handlers.
FORMATS = (".jsonl", ".csv")  # store.FORMATS
MAX_PRODUCTS = 100_000  # demo_shop.MAX_PRODUCTS
BYTES_PER_PRODUCT = 1024  # demo_shop.BYTES_PER_PRODUCT, measured
MAX_PER_PAGE = 1000  # demo_shop.MAX_PER_PAGE
MAX_PAGES = 10_000  # crawler.MAX_PAGES: catalogue pages one run reads by default
MAX_DELAY = 60.0  # crawler.MAX_DELAY: the longest wait between requests, also from robots.txt
SEED_MAX = 2**32 - 1


def build_parser() -> argparse.ArgumentParser:
    parser = make_parser(
        "python -m level2.scraper",
        "A polite, resumable scraper for product catalogues in the books.toscrape.com format,\n"
        "and a local demo shop to practise on (synthetic data, no internet needed).",
        "python -m level2.scraper serve-demo --port 8000   # then, in another terminal:\n"
        "  python -m level2.scraper crawl http://127.0.0.1:8000/ -o products.jsonl --delay 0.1",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    go = commands.add_parser(
        "crawl",
        help="crawl a catalogue into JSON Lines or CSV (resumes a previous run)",
        description="Crawl the catalogue starting at URL. A re-run with the same output "
        "skips every page already done.",
    )
    go.add_argument("url", help="the first catalogue page, e.g. https://books.toscrape.com/")
    go.add_argument(
        "-o", "--output", type=Path, required=True, help="products.jsonl or products.csv"
    )
    go.add_argument(
        "--delay",
        type=float_in(0.0, MAX_DELAY),
        default=1.0,
        help=f"seconds between requests, 0 to {MAX_DELAY:g} (default 1)",
    )
    go.add_argument(
        "--timeout",
        type=float_in(0.1, 300.0),
        default=10.0,
        help="seconds to wait for a page, 0.1 to 300 (default 10)",
    )
    go.add_argument(
        "--retries", type=int_in(0, 10), default=3, help="retries on 429/5xx, 0 to 10 (default 3)"
    )
    go.add_argument(
        "--max-products",
        type=int_in(1, 10_000_000),
        help="stop after this many new products (1 to 10,000,000)",
    )
    go.add_argument(
        "--max-pages",
        type=int_in(1, 1_000_000),
        default=MAX_PAGES,
        help=f"stop after this many catalogue pages, 1 to 1,000,000 (default {MAX_PAGES:,})",
    )
    go.add_argument("--json", action="store_true", help="print the report as JSON")

    serve = commands.add_parser(
        "serve-demo",
        help="run the demo shop on 127.0.0.1 until Ctrl-C",
        description="Serve a synthetic shop (level0.datagen's products preset) in the HTML "
        "structure of books.toscrape.com, with a broken page, a 500 that works on retry, "
        "a slow page and a robots.txt that disallows a path.",
    )
    serve.add_argument(
        "--port",
        type=int_in(0, 65535),
        default=0,
        help="port, 0 to 65535 (default 0: any free port)",
    )
    serve.add_argument(
        "--products",
        type=int_in(10, MAX_PRODUCTS),
        default=60,
        help=f"products, 10 to {MAX_PRODUCTS:,}: about 1 KB of memory each (default 60)",
    )
    serve.add_argument(
        "--per-page",
        type=int_in(1, MAX_PER_PAGE),
        default=20,
        help=f"products per page, 1 to {MAX_PER_PAGE:,} (default 20)",
    )
    serve.add_argument(
        "--seed", type=int_in(0, SEED_MAX), default=0, help="random seed (default 0)"
    )
    serve.add_argument(
        "--slow-seconds",
        type=float_in(0.0, 60.0),
        default=1.0,
        help="delay of the slow page, 0 to 60 (default 1)",
    )

    parse = commands.add_parser(
        "parse", help="parse a saved catalogue or product page and print what it holds as JSON"
    )
    parse.add_argument("file", type=Path, help="a saved .html page")
    parse.add_argument(
        "--url", default="https://books.toscrape.com/", help="the page's address, to resolve links"
    )
    return parser


def handle(args: argparse.Namespace) -> int:
    if args.command == "crawl":
        return _crawl(args)
    if args.command == "serve-demo":
        return _serve(args)
    return _parse(args)


def _crawl(args: argparse.Namespace) -> int:
    if args.output.suffix.lower() not in FORMATS:
        raise UsageError(f"--output must end in .jsonl or .csv, not {args.output.name!r}")
    from level2.scraper.crawler import CrawlError, crawl
    from level2.scraper.fetch import Fetcher

    _quiet_decoding()
    try:
        with Fetcher(delay=args.delay, timeout=args.timeout, retries=args.retries) as fetcher:
            report = crawl(
                args.url,
                args.output,
                fetcher=fetcher,
                max_products=args.max_products,
                max_pages=args.max_pages,
            )
    except CrawlError as exc:
        raise Failure(str(exc)) from exc
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    except KeyboardInterrupt:
        # Every product and catalogue page read so far is already on disk (store.py).
        print(
            f"crawl stopped; what was read is saved in {args.output}: "
            "run the same command again to resume",
            file=sys.stderr,
        )
        raise
    print(json.dumps(report.as_dict(), indent=2) if args.json else format_report(report))
    if report.failed:
        print(
            f"{len(report.failed)} page(s) failed; run the same command again to retry them",
            file=sys.stderr,
        )
    return 0


def format_report(report: CrawlReport) -> str:
    """The crawl report as a short text table."""
    from level2.scraper.crawler import state_path

    rows = [
        ("catalogue pages", f"{report.catalogue_pages} ({report.catalogue_pages_fetched} fetched)"),
        ("products written", str(report.products_written)),
        ("already in output", str(report.products_already_done)),
        ("disallowed by robots", str(len(report.disallowed))),
        ("failed", str(len(report.failed))),
        ("requests", f"{report.requests} ({report.retries} retries)"),
    ]
    lines = [f"crawled {report.start_url} into {report.output} in {report.seconds:.1f} s"]
    lines += [f"  {name:<22}{value}" for name, value in rows]
    if report.stopped_early:
        lines.append(f"  stopped at {report.stopped_by}; run again to continue")
    lines.append(f"  state file            {state_path(report.output)}")
    lines.append("data-quality issues:" if report.issues else "data-quality issues: none")
    lines += [f"  {kind:<40}{count}" for kind, count in sorted(report.issues.items())]
    return "\n".join(lines)


def _serve(args: argparse.Namespace) -> int:
    require_memory(
        args.products * BYTES_PER_PRODUCT,
        f"a demo shop of {args.products:,} products",
        unit_bytes=BYTES_PER_PRODUCT,
    )
    from level2.scraper.demo_shop import serve_demo

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)  # `kill PID` stops it as cleanly as Ctrl-C
    shop: DemoShop | None = None
    try:  # around the whole shop, so a Ctrl-C between two of its lines is caught as well
        with serve_demo(
            args.products,
            args.seed,
            port=args.port,
            per_page=args.per_page,
            slow_seconds=args.slow_seconds,
        ) as shop:
            print(
                f"demo shop (synthetic data): {len(shop.catalogue)} products on {shop.pages} "
                f"pages at {shop.url}",
                flush=True,
            )
            print("press Ctrl-C to stop", file=sys.stderr, flush=True)
            while not interrupts.requested():  # the server runs in its own thread;
                # the flag also catches a Ctrl-C whose exception Python lost
                time.sleep(0.2)
    except KeyboardInterrupt:
        if shop is None:
            raise  # still building the catalogue: run() reports "error: interrupted"
    print(f"stopped after {shop.request_count} requests", flush=True)
    return 0


def _quiet_decoding() -> None:
    """BeautifulSoup logs a warning for bytes it cannot decode; the page's issues say enough."""
    import logging

    logging.getLogger("bs4.dammit").setLevel(logging.ERROR)


def _parse(args: argparse.Namespace) -> int:
    from level2.scraper.fetch import MAX_PAGE_BYTES
    from level2.scraper.parse import parse_list_page, parse_product_page

    _quiet_decoding()
    size = args.file.stat().st_size if args.file.is_file() else 0
    if size > MAX_PAGE_BYTES:  # the crawler's own budget for one page
        raise Failure(
            f"{args.file} is {size / 2**20:.0f} MB; a saved page is at most "
            f"{MAX_PAGE_BYTES // 2**20} MB here"
        )
    html = args.file.read_bytes()
    if not html.strip():
        raise Failure(f"{args.file} is empty; save a catalogue or product page first")
    if b"product_main" in html:
        record = parse_product_page(html, args.url).to_record()
    else:
        page = parse_list_page(html, args.url)
        record = {
            "url": page.url,
            "product_urls": page.product_urls,
            "next_url": page.next_url,
            "issues": [str(issue) for issue in page.issues],
        }
        if not page.product_urls and page.next_url is None:
            raise Failure(
                f"{args.file} is neither a product page nor a catalogue page (no product "
                "links, no next link); save a page of the shop's catalogue"
            )
    print(json.dumps(record, indent=2, ensure_ascii=False))
    return 0


def main(argv: list[str] | None = None) -> int:
    return run(build_parser(), handle, argv)


if __name__ == "__main__":
    sys.exit(main())

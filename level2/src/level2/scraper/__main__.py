"""python -m level2.scraper: crawl a product catalogue, serve the demo shop, or parse a saved page."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from pathlib import Path
from types import FrameType

from level0.cli import Failure, UsageError, make_parser, run
from level2.scraper.crawler import CrawlError, CrawlReport, crawl, state_path
from level2.scraper.demo_shop import serve_demo
from level2.scraper.fetch import Fetcher
from level2.scraper.parse import parse_list_page, parse_product_page
from level2.scraper.store import FORMATS


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
    go.add_argument("--delay", type=float, default=1.0, help="seconds between requests (default 1)")
    go.add_argument(
        "--timeout", type=float, default=10.0, help="seconds to wait for a page (default 10)"
    )
    go.add_argument("--retries", type=int, default=3, help="retries on 429/5xx (default 3)")
    go.add_argument("--max-products", type=int, help="stop after this many new products")
    go.add_argument("--json", action="store_true", help="print the report as JSON")

    serve = commands.add_parser(
        "serve-demo",
        help="run the demo shop on 127.0.0.1 until Ctrl-C",
        description="Serve a synthetic shop (level0.datagen's products preset) in the HTML "
        "structure of books.toscrape.com, with a broken page, a 500 that works on retry, "
        "a slow page and a robots.txt that disallows a path.",
    )
    serve.add_argument("--port", type=int, default=0, help="port (default 0: any free port)")
    serve.add_argument("--products", type=int, default=60, help="products (default 60)")
    serve.add_argument("--per-page", type=int, default=20, help="products per page (default 20)")
    serve.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    serve.add_argument(
        "--slow-seconds", type=float, default=1.0, help="delay of the slow page (default 1)"
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
    if args.delay < 0 or args.timeout <= 0 or args.retries < 0:
        raise UsageError("--delay must be >= 0, --timeout > 0 and --retries >= 0")
    if args.max_products is not None and args.max_products < 1:
        raise UsageError("--max-products must be at least 1")
    try:
        with Fetcher(delay=args.delay, timeout=args.timeout, retries=args.retries) as fetcher:
            report = crawl(args.url, args.output, fetcher=fetcher, max_products=args.max_products)
    except CrawlError as exc:
        raise Failure(str(exc)) from exc
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    print(json.dumps(report.as_dict(), indent=2) if args.json else format_report(report))
    if report.failed:
        print(
            f"{len(report.failed)} page(s) failed; run the same command again to retry them",
            file=sys.stderr,
        )
    return 0


def format_report(report: CrawlReport) -> str:
    """The crawl report as a short text table."""
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
        lines.append("  stopped at --max-products; run again to continue")
    lines.append(f"  state file            {state_path(report.output)}")
    lines.append("data-quality issues:" if report.issues else "data-quality issues: none")
    lines += [f"  {kind:<40}{count}" for kind, count in sorted(report.issues.items())]
    return "\n".join(lines)


def _serve(args: argparse.Namespace) -> int:
    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port must be between 0 and 65535, not {args.port}")
    if args.products < 10 or args.per_page < 1 or args.slow_seconds < 0:
        raise UsageError("--products must be at least 10, --per-page at least 1")

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)  # `kill PID` stops it as cleanly as Ctrl-C
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
        try:
            while True:  # the server runs in its own thread; this one waits for Ctrl-C
                time.sleep(1)
        except KeyboardInterrupt:
            pass
    print(f"stopped after {len(shop.requests)} requests", flush=True)
    return 0


def _parse(args: argparse.Namespace) -> int:
    html = args.file.read_bytes()
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
    print(json.dumps(record, indent=2, ensure_ascii=False))
    return 0


def main(argv: list[str] | None = None) -> int:
    return run(build_parser(), handle, argv)


if __name__ == "__main__":
    sys.exit(main())

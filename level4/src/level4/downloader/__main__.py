"""python -m level4.downloader: download with threads and Range segments, read the log, serve files.

python -m level4.downloader get URL... -o DIR     (or just: URL... -o DIR)
python -m level4.downloader report LOG
python -m level4.downloader serve DIR --rate 2 --faults 503,drop
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from level0.cli import Failure, UsageError, float_in, int_in, make_parser, run

COMMANDS = ("get", "report", "serve")
FAULTS = ("ok", "503", "429", "drop", "short", "reset", "stall")  # a test checks server.FAULTS
_SHA256 = re.compile(r"[0-9a-fA-F]{64}")


def build_parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = make_parser(
        "python -m level4.downloader",
        "Download files with a thread pool and parallel Range segments; resume after "
        "Ctrl-C or a crash; log the performance. 'get' is the default command.",
        "python -m level4.downloader serve data --rate 2 & "
        "python -m level4.downloader get http://127.0.0.1:8000/big.bin -o downloads "
        "--log perf.jsonl && python -m level4.downloader report perf.jsonl",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    get = commands.add_parser("get", help="download URLs into a folder (the default command)")
    get.add_argument("urls", nargs="+", metavar="URL", help="http(s) URLs ending in a file name")
    get.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    get.add_argument("--threads", type=int_in(1, 64), default=8, help="worker threads (default 8)")
    get.add_argument(
        "--segments", type=int_in(1, 256), default=8, help="at most this many per file (default 8)"
    )
    get.add_argument(
        "--min-segment",
        type=int_in(1, 1 << 20),
        default=1024,
        metavar="KB",
        help="smallest segment in KiB; smaller files are one request (default 1024)",
    )
    get.add_argument(
        "--per-host",
        type=int_in(1, 64),
        default=8,
        help="transfers in flight to one host at most (default 8)",
    )
    get.add_argument(
        "--retries",
        type=int_in(0, 100),
        default=8,
        help="failures in a row per request before giving up (default 8)",
    )
    get.add_argument(
        "--timeout",
        type=float_in(0.1, 3600.0),
        default=30.0,
        metavar="SECONDS",
        help="connect and read timeout (default 30)",
    )
    get.add_argument("--sha256", metavar="HEX", help="expected sha256 of the file (one URL)")
    get.add_argument(
        "--log", type=Path, metavar="FILE", help="append JSON-lines performance records"
    )
    get.add_argument("--force", action="store_true", help="replace files that are already there")
    get.add_argument("--json", action="store_true", help="print the results as JSON")

    report = commands.add_parser("report", help="per-thread table and timeline PNG of a log")
    report.add_argument("log", type=Path, metavar="LOG")
    report.add_argument(
        "--png", type=Path, metavar="FILE", help="timeline picture (default: LOG with .png)"
    )
    report.add_argument("--run", metavar="ID", help="which run of the log (default: the last)")
    report.add_argument("--json", action="store_true", help="print the table as JSON")

    serve = commands.add_parser("serve", help="serve a folder on 127.0.0.1 with injected faults")
    serve.add_argument("directory", type=Path, metavar="DIR")
    serve.add_argument("--port", type=int_in(0, 65535), default=8000, help="0 picks a free port")
    serve.add_argument(
        "--rate", type=float_in(0.001, 1e5), metavar="MB/S", help="per-connection cap, MB/s"
    )
    serve.add_argument(
        "--latency", type=float_in(0.0, 60_000.0), default=0.0, metavar="MS", help="per request"
    )
    serve.add_argument("--no-ranges", action="store_true", help="ignore Range: always send 200")
    serve.add_argument("--no-length", action="store_true", help="no Content-Length (implies 200)")
    serve.add_argument(
        "--faults",
        default="",
        metavar="LIST",
        help=f"comma-separated faults met by the first requests, in order: {', '.join(FAULTS)}",
    )
    serve.add_argument(
        "--fault-rate",
        type=float_in(0.0, 1.0),
        default=0.0,
        metavar="P",
        help="afterwards, each request meets a random fault with this chance",
    )
    serve.add_argument("--seed", type=int_in(0, 2**32 - 1), default=0, help="for --fault-rate")
    serve.add_argument(
        "--retry-after",
        type=float_in(0.0, 3600.0),
        default=1.0,
        metavar="SECONDS",
        help="Retry-After sent with 503 and 429 (default 1)",
    )
    serve.add_argument(
        "--stall", type=float_in(0.0, 3600.0), default=2.0, metavar="SECONDS", help="stall length"
    )
    return parser


def check_urls(urls: list[str]) -> None:
    from level4.downloader.datatypes import target_name

    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            shown = url if len(url) <= 60 else url[:57] + "..."
            raise UsageError(f"not an http(s) URL: {shown!r}")
        try:
            target_name(url)
        except ValueError as exc:
            raise UsageError(str(exc)) from None


def do_get(args: argparse.Namespace) -> int:
    check_urls(args.urls)
    if args.sha256 is not None and not _SHA256.fullmatch(args.sha256):
        raise UsageError("--sha256 takes 64 hexadecimal digits")
    if args.sha256 and len(args.urls) > 1:
        raise UsageError("--sha256 checks one file: give one URL with it")
    if args.output.exists() and not args.output.is_dir():
        raise UsageError(f"{args.output} is not a folder")
    if args.log is not None and args.log.is_dir():
        raise UsageError(f"--log {args.log} is a folder; give a file name")

    from level4.downloader.datatypes import Interrupted, Options
    from level4.downloader.engine import download

    options = Options(
        threads=args.threads,
        segments=args.segments,
        min_segment=args.min_segment * 1024,
        per_host=args.per_host,
        retries=args.retries,
        timeout=args.timeout,
        force=args.force,
    )
    try:
        result = download(
            args.urls,
            args.output,
            options,
            sha256=args.sha256.lower() if args.sha256 else None,
            log=args.log,
            progress=sys.stderr.isatty(),
        )
    except Interrupted as stop:
        kept = [f for f in stop.result.files if f.status == "interrupted" and "resume" in f.message]
        saved = (
            f"; progress of {len(kept)} file(s) saved, run the same command to resume"
            if kept
            else ""
        )
        print(f"error: interrupted{saved}", file=sys.stderr)
        return 130
    if args.json:
        print(
            json.dumps(
                {
                    "files": [f.to_dict() for f in result.files],
                    "summary": result.summary.to_dict(),
                },
                indent=2,
            )
        )
    else:
        for item in result.files:
            if item.status == "failed":
                continue
            size = f"{item.total / 1e6:,.2f} MB" if item.total is not None else "?"
            resumed = f", {item.resumed / 1e6:,.2f} MB resumed" if item.resumed else ""
            print(f"{item.status:<8} {item.path}  {size}{resumed}")
        print(result.summary.line())
    failed = result.failed
    if failed:
        more = f" ({len(failed)} of {len(result.files)} failed)" if len(failed) > 1 else ""
        raise Failure(f"{failed[0].message}{more}")
    return 0


def do_report(args: argparse.Namespace) -> int:
    from level4.downloader.report import format_report, load_run, plot_timeline, report_json

    log = load_run(args.log, args.run)
    if not log.segments:
        raise Failure(f"{args.log}: run {log.run} has no segments to show")
    png = args.png or args.log.with_suffix(".png")
    print(json.dumps(report_json(log), indent=2) if args.json else format_report(log))
    plot_timeline(log, png)
    print(f"timeline written to {png}", file=sys.stderr)
    return 0


def do_serve(args: argparse.Namespace) -> int:
    if not args.directory.is_dir():
        raise Failure(f"{args.directory} is not a folder to serve")
    schedule = [f.strip() for f in args.faults.split(",") if f.strip()]
    unknown = sorted(set(schedule) - set(FAULTS))
    if unknown:
        raise UsageError(f"unknown faults {', '.join(unknown)}; known: {', '.join(FAULTS)}")

    from level4.downloader.server import Faults, LocalServer

    faults = Faults(
        rate=args.rate * 1e6 if args.rate else None,
        latency=args.latency / 1000,
        ranges=not args.no_ranges,
        length=not args.no_length,
        schedule=schedule,
        fault_rate=args.fault_rate,
        seed=args.seed,
        retry_after=args.retry_after,
        stall=args.stall,
    )
    server = LocalServer(args.directory, faults, port=args.port)
    print(f"serving {args.directory} at {server.base_url}/ ; Ctrl-C stops", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print(f"stopped after {server.stats.requests} requests", flush=True)
    return 0


HANDLERS = {"get": do_get, "report": do_report, "serve": do_serve}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-"):
        argv.insert(0, "get")  # python -m level4.downloader URL... -o DIR
    code: int = run(build_parser(), lambda args: HANDLERS[args.command](args), argv)
    return code


if __name__ == "__main__":
    sys.exit(main())

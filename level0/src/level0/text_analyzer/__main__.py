"""python -m level0.text_analyzer: statistics and readability of a file, a folder or stdin."""

from __future__ import annotations

import argparse
import codecs
import json
import sys
from pathlib import Path

from tqdm import tqdm

from level0.cli import Failure, UsageError, make_parser, run
from level0.text_analyzer import analyze_path, analyze_stream, format_report


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, not {text!r}")
    return value


def _encoding(text: str) -> str:
    try:
        return codecs.lookup(text).name
    except LookupError:
        raise argparse.ArgumentTypeError(
            f"unknown encoding {text!r} (try utf-8, cp1252, latin-1)"
        ) from None


def build_parser() -> argparse.ArgumentParser:
    parser = make_parser(
        "python -m level0.text_analyzer",
        "Count characters, words, sentences and paragraphs; list the top words and n-grams;\n"
        "score readability (Flesch). Reads a file, every file in a folder, or stdin, in\n"
        "chunks, so a file of any size runs in flat memory. The encoding is detected.",
        "python -m level0.text_analyzer book.txt --top 5 --ngram 3",
    )
    parser.add_argument("source", nargs="?", default="-", help="file or folder (default: stdin)")
    parser.add_argument("--top", type=_positive, default=10, help="length of the top lists (10)")
    parser.add_argument("--ngram", type=_positive, default=2, help="n of the n-grams (2)")
    parser.add_argument("--encoding", type=_encoding, help="skip detection and decode with this")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    return parser


def handle(args: argparse.Namespace) -> int:
    options = {"top": args.top, "ngram": args.ngram, "encoding": args.encoding}
    if args.source == "-":
        if sys.stdin.isatty():
            raise UsageError(
                "give a file or folder, or pipe text in: ... | python -m level0.text_analyzer"
            )
        report = analyze_stream(sys.stdin.buffer, **options)
    else:
        source = Path(args.source)
        size = source.stat().st_size if source.is_file() else None
        with tqdm(total=size, unit="B", unit_scale=True, disable=None, file=sys.stderr) as bar:
            report = analyze_path(source, progress=bar.update, **options)
        if report.documents == 0:
            raise Failure(f"{source}: no text files found in this folder")
    print(
        json.dumps(report.to_dict(), indent=2, ensure_ascii=False)
        if args.json
        else format_report(report)
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    return run(build_parser(), handle, argv)


if __name__ == "__main__":
    sys.exit(main())

"""python -m level0.text_analyzer: statistics and readability of a file, a folder or stdin."""

from __future__ import annotations

import argparse
import codecs
import json
import sys
from pathlib import Path

from level0.cli import Failure, UsageError, int_in, make_parser, require_memory, run
from level0.text_analyzer import VocabularyTooLarge, analyze_path, analyze_stream, format_report
from level0.text_analyzer.analyzer import MAX_NGRAM, table_bytes

MAX_TOP = 1_000
#: The CLI's budget: the n-gram table keeps at most 2 * MAX_NGRAMS entries (Misra-Gries)
#: and a text with more than MAX_WORDS distinct words is refused (a long book has 30,000).
MAX_NGRAMS = 100_000
MAX_WORDS = 2_000_000


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
    parser.add_argument(
        "--top",
        type=int_in(1, MAX_TOP),
        default=10,
        help=f"length of the top lists, 1-{MAX_TOP:,} (10)",
    )
    parser.add_argument(
        "--ngram", type=int_in(1, MAX_NGRAM), default=2, help=f"n of the n-grams, 1-{MAX_NGRAM} (2)"
    )
    parser.add_argument("--encoding", type=_encoding, help="skip detection and decode with this")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    return parser


def handle(args: argparse.Namespace) -> int:
    require_memory(
        table_bytes(args.ngram, MAX_NGRAMS, MAX_WORDS),
        f"counting up to {MAX_WORDS:,} distinct words and {2 * MAX_NGRAMS:,} {args.ngram}-grams",
    )
    try:
        return report(args)
    except VocabularyTooLarge as exc:
        raise Failure(f"{args.source}: {exc}") from exc


def report(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    options = {
        "top": args.top,
        "ngram": args.ngram,
        "encoding": args.encoding,
        "max_words": MAX_WORDS,
    }
    if args.source == "-":
        if sys.stdin.isatty():
            raise UsageError(
                "give a file or folder, or pipe text in: ... | python -m level0.text_analyzer"
            )
        result = analyze_stream(sys.stdin.buffer, **options)
    else:
        source = Path(args.source)
        size = source.stat().st_size if source.is_file() else None
        with tqdm(total=size, unit="B", unit_scale=True, disable=None, file=sys.stderr) as bar:
            result = analyze_path(source, progress=bar.update, **options)
        if result.documents == 0:
            raise Failure(f"{source}: no text files found in this folder")
    print(
        json.dumps(result.to_dict(), indent=2, ensure_ascii=False)
        if args.json
        else format_report(result)
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    return run(build_parser(), handle, argv)


if __name__ == "__main__":
    sys.exit(main())

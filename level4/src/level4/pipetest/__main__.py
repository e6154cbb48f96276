"""python -m level4.pipetest: run the tests under a folder or file, the way pytest would."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from level0.cli import UsageError, make_parser, run


def build_parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = make_parser(
        "python -m level4.pipetest",
        "A small test runner written from scratch: test_*.py discovery, fixtures by argument "
        "name, parametrize, skip/xfail, explained asserts, -k, -x and JUnit XML. Exit codes "
        "are pytest's: 0 all passed, 1 some failed, 2 collection error or usage error, "
        "5 no tests collected (Ctrl-C: 130).",
        "python -m level4.pipetest level4/src/level4/pipetest/examples/suite -k 'params and not sum' "
        "--junit-xml report.xml",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="test folders or files")
    parser.add_argument(
        "-k", dest="keyword", metavar="EXPR", help="run tests whose names match EXPR (and/or/not)"
    )
    parser.add_argument(
        "-x", "--exitfirst", action="store_true", help="stop after the first failure or error"
    )
    parser.add_argument(
        "--junit-xml", type=Path, metavar="FILE", help="write a JUnit XML report to FILE"
    )
    parser.add_argument(
        "--json", action="store_true", help="print the outcomes as JSON instead of text"
    )
    return parser


def handle(args: argparse.Namespace) -> int:
    from level4.pipetest.junit import write_junit
    from level4.pipetest.keywords import KeywordError, compile_keyword
    from level4.pipetest.runner import run_tests
    from level4.pipetest.terminal import Progress, format_result, to_json

    for path in args.paths:
        if not path.exists():
            raise UsageError(f"file or directory not found: {path}")
    if args.junit_xml is not None and args.junit_xml.is_dir():
        raise UsageError(f"--junit-xml {args.junit_xml} is a directory; give a file name")
    if args.keyword:
        try:
            compile_keyword(args.keyword)
        except KeywordError as exc:
            raise UsageError(str(exc)) from None
    progress = None if args.json else Progress(sys.stdout)
    result = run_tests(
        args.paths, keyword=args.keyword, exitfirst=args.exitfirst, on_report=progress
    )
    if args.junit_xml is not None:
        write_junit(result, args.junit_xml)
    if args.json:
        print(json.dumps(to_json(result), indent=2))
    else:
        assert progress is not None
        progress.end()
        print(format_result(result))
    if result.collect_errors:
        count = len(result.collect_errors)
        print(
            f"error: interrupted: {count} error{'s' if count != 1 else ''} during collection",
            file=sys.stderr,
        )
    return result.exit_code


def main(argv: list[str] | None = None) -> int:
    code: int = run(build_parser(), handle, argv)
    return code


if __name__ == "__main__":
    sys.exit(main())

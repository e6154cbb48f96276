"""python -m level0.report_generator DATA.csv [--spec SPEC] -o OUT_DIR"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from level0.cli import Failure, UsageError, make_parser, run

# The files every report writes, spelled out so that --help loads no pandas; a test
# checks it equals report.REPORT_FILES.
REPORT_FILES = ("report.md", "report.html", "report.pdf")


def build_parser() -> argparse.ArgumentParser:
    parser = make_parser(
        "python -m level0.report_generator",
        "Turn a CSV into a report: summary tables and charts as report.md, report.html and report.pdf.\n"
        "Without --spec the tables and charts are chosen from the column types.",
        "python -m level0.report_generator sales.csv --spec report.toml -o report/",
    )
    parser.add_argument("data", type=Path, help="the CSV file (UTF-8, with a header row)")
    parser.add_argument(
        "--spec", type=Path, help="a JSON or TOML file naming the group-bys, aggregates and charts"
    )
    parser.add_argument(
        "-o", "--out", type=Path, help="folder to write the report into (created if missing)"
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="overwrite a report already in OUT_DIR (without it, existing files are refused)",
    )
    parser.add_argument("--title", help="the report title (overrides the spec's)")
    parser.add_argument(
        "--show-spec",
        action="store_true",
        help="print the spec that would be used, as JSON, and write nothing (a start for your own spec)",
    )
    parser.add_argument("--json", action="store_true", help="print the files written as JSON")
    return parser


def handle(args: argparse.Namespace) -> int:
    if args.out is None and not args.show_spec:
        raise UsageError("say where to write the report with -o OUT_DIR (or use --show-spec)")
    if args.out is not None and not args.show_spec and not args.force:
        refuse_existing(args.out, REPORT_FILES)  # before the slow part: reading and charting
    from level0.report_generator.data import DataError, load_csv
    from level0.report_generator.report import ReportExists, build_report, write_report
    from level0.report_generator.spec import SpecError, default_spec, load_spec

    try:
        frame = load_csv(args.data)
        spec = load_spec(args.spec) if args.spec else default_spec(frame)
        if args.title:
            spec = dataclasses.replace(spec, title=args.title)
        if args.show_spec:
            print(json.dumps(spec.to_dict(), indent=2))
            return 0
        report = build_report(frame, spec, source=args.data.name)
    except SpecError as exc:
        raise UsageError(str(exc)) from exc
    except DataError as exc:
        raise Failure(str(exc)) from exc
    try:
        written = write_report(report, args.out, overwrite=args.force)
    except ReportExists as exc:  # a chart's PNG from an earlier report
        raise Failure(str(exc)) from exc
    if args.json:
        print(json.dumps({"title": report.title, "files": [str(p) for p in written]}, indent=2))
    else:
        for path in written:
            print(path)
    return 0


def refuse_existing(out: Path, names: tuple[str, ...]) -> None:
    """One line naming the report files already in ``out``: they are kept unless --force."""
    clash = [out / name for name in names if (out / name).exists()]
    if clash:
        names_shown = ", ".join(str(p) for p in clash)
        verb = "exists" if len(clash) == 1 else "exist"
        raise Failure(f"{names_shown} already {verb}; --force overwrites")


def main(argv: list[str] | None = None) -> int:
    return run(build_parser(), handle, argv)


if __name__ == "__main__":
    sys.exit(main())

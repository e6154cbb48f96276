"""From a table of data to a finished report: build it in memory, then write every file atomically.

:func:`build_report` computes everything (tables, charts) and renders nothing;
:func:`render_files` turns a :class:`Report` into file contents; :func:`write_report`
writes them. Nothing touches the output folder until every file has rendered, so
bad input leaves an earlier report intact.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from level0.atomic import atomic_write_bytes
from level0.report_generator.charts import ChartImage, render_chart
from level0.report_generator.data import DataError, infer_kinds, load_csv
from level0.report_generator.formatting import format_date, format_integer
from level0.report_generator.render_pdf import to_pdf
from level0.report_generator.render_text import to_html, to_markdown
from level0.report_generator.spec import ReportSpec, check_spec, default_spec, load_spec
from level0.report_generator.tables import Table, group_table, overview_table

__all__ = [
    "REPORT_FILES",
    "Report",
    "ReportExists",
    "build_report",
    "existing_files",
    "generate_report",
    "render_files",
    "write_report",
]


@dataclass(frozen=True)
class Report:
    """A report's content: title, facts for the title page, tables and charts."""

    title: str
    subtitle: str | None
    facts: tuple[tuple[str, str], ...]
    tables: tuple[Table, ...]
    charts: tuple[ChartImage, ...]


def build_report(
    frame: pd.DataFrame,
    spec: ReportSpec | None = None,
    source: str = "data.csv",
    generated: dt.date | None = None,
) -> Report:
    """Check ``spec`` against ``frame`` (default: :func:`default_spec`) and compute the report."""
    if frame.empty:
        raise DataError(f"{source} has no rows to report on")
    spec = spec if spec is not None else default_spec(frame)
    check_spec(spec, frame)
    facts = [
        ("Source", source),
        ("Rows", format_integer(len(frame))),
        ("Columns", format_integer(frame.shape[1])),
    ]
    for name in infer_kinds(frame).dates:
        first, last = frame[name].min(), frame[name].max()
        facts.append(
            (
                f"Dates ({name})",
                f"{format_date(first, spec.date_format)} to {format_date(last, spec.date_format)}",
            )
        )
    facts.append(("Generated", format_date(generated or dt.date.today(), spec.date_format)))
    overview = overview_table(frame, spec)
    tables = ([overview] if overview is not None else []) + [
        group_table(frame, g, spec) for g in spec.group_by
    ]
    charts = [render_chart(frame, chart, spec, i) for i, chart in enumerate(spec.charts, start=1)]
    title = spec.title or f"Report: {Path(source).stem}"
    return Report(title, spec.subtitle, tuple(facts), tuple(tables), tuple(charts))


#: The files every report has; charts add ``<name>.png`` files.
REPORT_FILES = ("report.md", "report.html", "report.pdf")


def render_files(report: Report) -> dict[str, bytes]:
    """Every output file of ``report`` by name: ``report.md``, ``report.html``, ``report.pdf``, the charts."""
    files = {chart.filename: chart.png for chart in report.charts}
    files["report.md"] = to_markdown(report).encode("utf-8")
    files["report.html"] = to_html(report).encode("utf-8")
    files["report.pdf"] = to_pdf(report)
    return files


class ReportExists(FileExistsError):
    """The output folder already holds files of a report, and overwriting was not allowed."""


def existing_files(out_dir: str | Path, names: Iterable[str] = REPORT_FILES) -> list[Path]:
    """Which of ``names`` already exist in ``out_dir``."""
    return [Path(out_dir) / name for name in names if (Path(out_dir) / name).exists()]


def write_report(report: Report, out_dir: str | Path, *, overwrite: bool = True) -> list[Path]:
    """Render ``report`` and write its files into ``out_dir`` (created if needed), each atomically.

    With ``overwrite=False`` nothing is written if any of the files already exists:
    :class:`ReportExists` names them (the CLI's default; ``--force`` overwrites).
    """
    files = render_files(report)
    out = Path(out_dir)
    if not overwrite and (clash := existing_files(out, files)):
        names = ", ".join(str(p) for p in clash)
        raise ReportExists(f"{names} already exist{'s' * (len(clash) == 1)}; --force overwrites")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in files.items():
        atomic_write_bytes(out / name, data)
        written.append(out / name)
    return written


def generate_report(
    csv_path: str | Path,
    out_dir: str | Path,
    spec: ReportSpec | str | Path | None = None,
    generated: dt.date | None = None,
) -> list[Path]:
    """Read ``csv_path``, build the report (from ``spec``, a spec file, or the default) and write it."""
    frame = load_csv(csv_path)
    if isinstance(spec, (str, Path)):
        spec = load_spec(spec)
    report = build_report(frame, spec, source=Path(csv_path).name, generated=generated)
    return write_report(report, out_dir)

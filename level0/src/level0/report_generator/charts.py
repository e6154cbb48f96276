"""The report's charts, drawn with matplotlib's object API and returned as PNG bytes.

``matplotlib.figure.Figure`` is used directly instead of ``pyplot``: no global
state and no GUI backend, so a chart renders the same in a CLI, a test or a server.
The bytes go both into the PDF and, atomically, next to the HTML report.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from level0.report_generator.formatting import format_currency, format_number
from level0.report_generator.spec import FREQUENCIES, Aggregate, Chart, ReportSpec

__all__ = ["ChartImage", "chart_title", "render_chart"]

_MAX_BARS = 20


@dataclass(frozen=True)
class ChartImage:
    """A rendered chart: its title, the file name it is saved under, and the PNG bytes."""

    title: str
    filename: str
    png: bytes


def chart_title(chart: Chart) -> str:
    """The chart's title from the spec, or one that says what is plotted against what."""
    if chart.title:
        return chart.title
    if chart.kind == "hist":
        return f"Distribution of {chart.x}"
    assert chart.y is not None
    if chart.kind == "line":
        return f"{_capital(chart.y.label)} per {chart.freq}"
    return f"{_capital(chart.y.label)} by {chart.x}"


def render_chart(frame: pd.DataFrame, chart: Chart, spec: ReportSpec, number: int) -> ChartImage:
    """Draw ``chart`` from ``frame``; ``number`` makes the file name unique (``chart-1-....png``)."""
    title = chart_title(chart)
    figure = Figure(figsize=(8, 4.2), layout="constrained")
    ax = figure.subplots()
    if chart.kind == "hist":
        values = frame[chart.x].dropna()
        ax.hist(
            values,
            bins=min(30, max(5, int(len(values) ** 0.5))),
            color="#4c72b0",
            edgecolor="white",
        )
        ax.set_xlabel(_axis_label(chart.x, None, spec))
        ax.set_ylabel("rows (count)")
        _money_ticks(ax.xaxis, chart.x, spec)
    else:
        assert chart.y is not None
        series = _bars(frame, chart.x, chart.y) if chart.kind == "bar" else _over_time(frame, chart)
        if chart.kind == "bar":
            labels = [str(k) for k in series.index]
            ax.bar(labels, series.to_numpy(), color="#4c72b0")
            if len(labels) > 6:
                ax.tick_params(axis="x", labelrotation=45)
            ax.set_xlabel(chart.x)
        else:
            ax.plot(series.index, series.to_numpy(), marker="o", color="#4c72b0")
            ax.set_xlabel(f"{chart.x} ({chart.freq})")
            figure.autofmt_xdate()
        ax.set_ylabel(_axis_label(chart.y.column, chart.y, spec))
        if chart.y.func != "count":
            _money_ticks(ax.yaxis, chart.y.column, spec)
    ax.set_title(title)
    ax.grid(axis="y", alpha=0.3)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=120, metadata={"Software": None})
    return ChartImage(
        title=title, filename=f"chart-{number}-{_slug(title)}.png", png=buffer.getvalue()
    )


def _bars(frame: pd.DataFrame, x: str, y: Aggregate) -> pd.Series:
    grouped = frame.groupby(x, observed=True)
    series = grouped.size() if y.column is None else grouped[y.column].agg(y.func)
    return series.sort_values(ascending=False, kind="stable").head(_MAX_BARS)


def _over_time(frame: pd.DataFrame, chart: Chart) -> pd.Series:
    assert chart.y is not None
    resampled = frame.set_index(chart.x).sort_index().resample(FREQUENCIES[chart.freq])
    return (
        resampled.size() if chart.y.column is None else resampled[chart.y.column].agg(chart.y.func)
    )


def _axis_label(column: str | None, agg: Aggregate | None, spec: ReportSpec) -> str:
    """``"revenue (sum, $)"``: what is plotted, how it was aggregated, and its unit."""
    if agg is not None and (agg.column is None or agg.func == "count"):
        return "rows (count)" if agg.column is None else f"{agg.column} (count)"
    details = [agg.func] if agg is not None else []
    if column in spec.money_columns:
        details.append(spec.currency)
    return f"{column} ({', '.join(details)})" if details else str(column)


def _money_ticks(axis: object, column: str | None, spec: ReportSpec) -> None:
    """Tick labels formatted like the tables: ``$12,000`` for money, ``12,000`` otherwise."""
    if column in spec.money_columns:
        formatter = FuncFormatter(lambda v, _pos: format_currency(v, spec.currency, decimals=0))
    else:
        formatter = FuncFormatter(
            lambda v, _pos: format_number(v, decimals=0 if abs(v) >= 10 else 1)
        )
    axis.set_major_formatter(formatter)  # type: ignore[attr-defined]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "chart"

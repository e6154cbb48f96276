"""The summary tables: figures computed with pandas, then formatted into text cells.

A :class:`Table` holds text only, already formatted, so the Markdown, HTML and PDF
renderers print exactly the same figures and never format anything themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from level0.report_generator.data import infer_kinds
from level0.report_generator.formatting import (
    format_currency,
    format_date,
    format_integer,
    format_number,
)
from level0.report_generator.spec import Aggregate, GroupBy, ReportSpec, summable

__all__ = ["NOT_APPLICABLE", "Table", "format_value", "group_table", "overview_table"]

NOT_APPLICABLE = "-"
"""Printed where a figure means nothing (the total of a price column)."""


@dataclass(frozen=True)
class Table:
    """A titled table of formatted text.

    ``numeric[i]`` says whether column i is right-aligned; ``total_row`` whether the
    last row sums up the others (it is printed in bold).
    """

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]
    note: str | None = None
    total_row: bool = False


def format_value(value: float, agg: Aggregate, frame: pd.DataFrame, spec: ReportSpec) -> str:
    """One computed figure as text: counts as integers, money with the currency, the rest with decimals."""
    if agg.func == "count" or agg.column is None:
        return format_integer(value)
    if agg.column in spec.money_columns:
        return format_currency(value, spec.currency, spec.decimals)
    if pd.api.types.is_integer_dtype(frame[agg.column]) and agg.func in {"sum", "min", "max"}:
        return format_integer(value)
    return format_number(value, spec.decimals)


def format_key(value: object, spec: ReportSpec) -> str:
    """A group's name: dates in the spec's format, whole floats without ``.0``."""
    if isinstance(value, dt.date):
        return format_date(value, spec.date_format)
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return "(missing)"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def compute(frame: pd.DataFrame, agg: Aggregate) -> float:
    """The aggregate over the whole frame (the table's "All" row)."""
    if agg.column is None:
        return float(len(frame))
    return float(frame[agg.column].agg(agg.func))


def overview_table(frame: pd.DataFrame, spec: ReportSpec) -> Table | None:
    """Count, total, mean, min and max of every numeric column; None if there is none."""
    numbers = infer_kinds(frame).numbers
    if not numbers:
        return None
    funcs = ("count", "sum", "mean", "min", "max")
    rows = []
    for name in numbers:
        cells = [name]
        for func in funcs:
            if func == "sum" and not summable(name):
                cells.append(NOT_APPLICABLE)
                continue
            agg = Aggregate(name, func)
            cells.append(format_value(compute(frame, agg), agg, frame, spec))
        rows.append(tuple(cells))
    header = ("column", "values", "total", "mean", "min", "max")
    return Table("Overview", header, tuple(rows), (False,) + (True,) * len(funcs))


def group_table(frame: pd.DataFrame, group: GroupBy, spec: ReportSpec) -> Table:
    """One row per group, largest first by the first aggregate (ties by name), then an "All" row."""
    grouped = frame.groupby(list(group.by), dropna=False, observed=True, sort=True)
    figures = pd.DataFrame(
        {
            str(agg): grouped.size() if agg.column is None else grouped[agg.column].agg(agg.func)
            for agg in group.aggregates
        }
    )
    figures = figures.sort_values(str(group.aggregates[0]), ascending=False, kind="stable")
    note = None
    if group.top is not None and len(figures) > group.top:
        note = f"Top {group.top} of {len(figures)} groups; the All row covers every row."
        figures = figures.head(group.top)
    rows = []
    for key, values in figures.iterrows():
        keys = key if isinstance(key, tuple) else (key,)
        cells = [format_key(k, spec) for k in keys]
        cells += [format_value(float(values[str(a)]), a, frame, spec) for a in group.aggregates]
        rows.append(tuple(cells))
    total = ["All"] + [""] * (len(group.by) - 1)
    total += [format_value(compute(frame, a), a, frame, spec) for a in group.aggregates]
    rows.append(tuple(total))
    title = group.title or f"By {', '.join(group.by)}"
    header = group.by + tuple(a.label for a in group.aggregates)
    numeric = (False,) * len(group.by) + (True,) * len(group.aggregates)
    return Table(title, header, tuple(rows), numeric, note, total_row=True)

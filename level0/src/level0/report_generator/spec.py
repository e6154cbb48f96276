"""The report spec: which tables and charts a report has, read from JSON or TOML.

A spec is plain data (frozen dataclasses), parsed strictly: an unknown key, a
wrong type or an unknown aggregate is refused with the key's name, because a typo
that silently drops a table is worse than an error. :func:`check_spec` then holds
the spec against the data (columns exist, aggregated columns are numeric), and
:func:`default_spec` builds a sensible spec from the column kinds alone.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

import pandas as pd

from level0.report_generator.data import infer_kinds

__all__ = [
    "AGGREGATES",
    "FREQUENCIES",
    "Aggregate",
    "Chart",
    "GroupBy",
    "ReportSpec",
    "SpecError",
    "check_spec",
    "default_spec",
    "load_spec",
    "spec_from_dict",
]

AGGREGATES = ("count", "sum", "mean", "median", "min", "max")
FREQUENCIES = {"day": "D", "week": "W", "month": "MS", "year": "YS"}
ChartKind = Literal["bar", "line", "hist"]
CHART_KINDS: tuple[ChartKind, ...] = ("bar", "line", "hist")


class SpecError(ValueError):
    """The spec is malformed, or does not fit the data (missing column, text where numbers are needed)."""


@dataclass(frozen=True)
class Aggregate:
    """One computed figure: ``"revenue:sum"``, or ``"count"`` for the number of rows."""

    column: str | None
    func: str

    @classmethod
    def parse(cls, text: str) -> Aggregate:
        """``"revenue:sum"`` -> ``Aggregate("revenue", "sum")``; ``"count"`` counts rows."""
        if not isinstance(text, str):
            raise SpecError(f"an aggregate is written 'column:function', not {text!r}")
        if text == "count":
            return cls(None, "count")
        column, sep, func = text.rpartition(":")
        if not sep or not column:
            raise SpecError(
                f"aggregate {text!r} must be 'column:function' (or 'count'), e.g. 'revenue:sum'"
            )
        if func not in AGGREGATES:
            raise SpecError(
                f"aggregate {text!r}: unknown function {func!r}; use one of {', '.join(AGGREGATES)}"
            )
        return cls(column, func)

    def __str__(self) -> str:
        return "count" if self.column is None else f"{self.column}:{self.func}"

    @property
    def label(self) -> str:
        """The column heading: ``"revenue (sum)"``, or ``"rows"``."""
        return "rows" if self.column is None else f"{self.column} ({self.func})"


@dataclass(frozen=True)
class GroupBy:
    """A summary table: one row per group of ``by``, one column per aggregate."""

    by: tuple[str, ...]
    aggregates: tuple[Aggregate, ...]
    top: int | None = None
    title: str | None = None


@dataclass(frozen=True)
class Chart:
    """A chart: ``bar`` (y by category x), ``line`` (y over date x) or ``hist`` (distribution of x)."""

    kind: ChartKind
    x: str
    y: Aggregate | None = None
    freq: str = "month"
    title: str | None = None


@dataclass(frozen=True)
class ReportSpec:
    """Everything a report contains, and how its figures are formatted."""

    title: str | None = None
    subtitle: str | None = None
    group_by: tuple[GroupBy, ...] = ()
    charts: tuple[Chart, ...] = ()
    money_columns: tuple[str, ...] = ()
    currency: str = "$"
    decimals: int = 2
    date_format: str = "%Y-%m-%d"

    def to_dict(self) -> dict[str, Any]:
        """The spec in its file form (what :func:`spec_from_dict` reads back)."""
        out: dict[str, Any] = {
            "title": self.title,
            "subtitle": self.subtitle,
            "currency": self.currency,
            "decimals": self.decimals,
            "date_format": self.date_format,
            "money_columns": list(self.money_columns),
            "group_by": [
                {
                    "by": list(g.by),
                    "aggregates": [str(a) for a in g.aggregates],
                    "top": g.top,
                    "title": g.title,
                }
                for g in self.group_by
            ],
            "charts": [
                {
                    "kind": c.kind,
                    "x": c.x,
                    "y": None if c.y is None else str(c.y),
                    "freq": c.freq,
                    "title": c.title,
                }
                for c in self.charts
            ],
        }
        return cast(dict[str, Any], _drop_none(out))


def _drop_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


# --- reading a spec file -------------------------------------------------------------


def load_spec(path: str | Path) -> ReportSpec:
    """Read a ``.json`` or ``.toml`` spec file (see the README for its keys)."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    suffix = path.suffix.lower()
    try:
        if suffix == ".json":
            raw = json.loads(text)
        elif suffix == ".toml":
            raw = tomllib.loads(text)
        else:
            raise SpecError(f"{path}: a spec must be a .json or .toml file")
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SpecError(f"{path} is not valid {suffix[1:].upper()}: {exc}") from None
    try:
        return spec_from_dict(raw)
    except SpecError as exc:
        raise SpecError(f"{path}: {exc}") from None


_TOP_KEYS = {
    "title",
    "subtitle",
    "group_by",
    "charts",
    "money_columns",
    "currency",
    "decimals",
    "date_format",
}
_GROUP_KEYS = {"by", "aggregates", "top", "title"}
_CHART_KEYS = {"kind", "x", "y", "freq", "title"}


def spec_from_dict(raw: Any) -> ReportSpec:
    """Build a :class:`ReportSpec` from parsed JSON/TOML, refusing unknown keys and wrong types."""
    table = _mapping(raw, "the spec", _TOP_KEYS)
    decimals = table.get("decimals", 2)
    if not isinstance(decimals, int) or isinstance(decimals, bool) or not 0 <= decimals <= 6:
        raise SpecError(f"'decimals' must be a whole number from 0 to 6, not {decimals!r}")
    return ReportSpec(
        title=_optional_str(table, "title"),
        subtitle=_optional_str(table, "subtitle"),
        group_by=tuple(_group_by(g, i) for i, g in enumerate(_list(table, "group_by"))),
        charts=tuple(_chart(c, i) for i, c in enumerate(_list(table, "charts"))),
        money_columns=tuple(_strings(table.get("money_columns", []), "money_columns")),
        currency=_optional_str(table, "currency") or "$",
        decimals=decimals,
        date_format=_optional_str(table, "date_format") or "%Y-%m-%d",
    )


def _group_by(raw: Any, index: int) -> GroupBy:
    where = f"group_by[{index}]"
    table = _mapping(raw, where, _GROUP_KEYS)
    by = table.get("by")
    by_list = [by] if isinstance(by, str) else by
    if not by_list:
        raise SpecError(f"{where} needs 'by': a column name or a list of them")
    aggregates = _strings(table.get("aggregates", ["count"]), f"{where}.aggregates")
    if not aggregates:
        raise SpecError(f"{where}.aggregates is empty; list at least one, e.g. ['revenue:sum']")
    top = table.get("top")
    if top is not None and (not isinstance(top, int) or isinstance(top, bool) or top < 1):
        raise SpecError(f"{where}.top must be a positive whole number, not {top!r}")
    return GroupBy(
        by=tuple(_strings(by_list, f"{where}.by")),
        aggregates=tuple(Aggregate.parse(a) for a in aggregates),
        top=top,
        title=_optional_str(table, "title"),
    )


def _chart(raw: Any, index: int) -> Chart:
    where = f"charts[{index}]"
    table = _mapping(raw, where, _CHART_KEYS)
    kind = table.get("kind")
    if kind not in CHART_KINDS:
        raise SpecError(f"{where}.kind must be one of {', '.join(CHART_KINDS)}, not {kind!r}")
    x = table.get("x")
    if not isinstance(x, str) or not x:
        raise SpecError(f"{where} needs 'x': a column name")
    y_text = table.get("y")
    if kind == "hist":
        if y_text is not None:
            raise SpecError(f"{where}: a histogram shows the distribution of 'x' and takes no 'y'")
        y = None
    else:
        y = Aggregate.parse(y_text if y_text is not None else "count")
    freq = table.get("freq", "month")
    if freq not in FREQUENCIES:
        raise SpecError(f"{where}.freq must be one of {', '.join(FREQUENCIES)}, not {freq!r}")
    return Chart(
        kind=cast(ChartKind, kind), x=x, y=y, freq=freq, title=_optional_str(table, "title")
    )


def _mapping(raw: Any, where: str, allowed: set[str]) -> Mapping[str, Any]:
    if not isinstance(raw, Mapping):
        raise SpecError(f"{where} must be a table of keys, not {type(raw).__name__}")
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise SpecError(
            f"unknown key {unknown[0]!r} in {where}; known keys: {', '.join(sorted(allowed))}"
        )
    return raw


def _list(table: Mapping[str, Any], key: str) -> list[Any]:
    value = table.get(key, [])
    if not isinstance(value, list):
        raise SpecError(f"{key!r} must be a list")
    return value


def _strings(value: Any, where: str) -> list[str]:
    if (
        not isinstance(value, Sequence)
        or isinstance(value, str)
        or not all(isinstance(v, str) for v in value)
    ):
        raise SpecError(f"{where!r} must be a list of strings, not {value!r}")
    return list(value)


def _optional_str(table: Mapping[str, Any], key: str) -> str | None:
    value = table.get(key)
    if value is not None and not isinstance(value, str):
        raise SpecError(f"{key!r} must be a string, not {value!r}")
    return value


# --- holding a spec against the data ------------------------------------------------------


def check_spec(spec: ReportSpec, frame: pd.DataFrame) -> None:
    """Raise :class:`SpecError` if ``spec`` names a missing column or aggregates text."""
    columns = [str(c) for c in frame.columns]

    def need(name: str, where: str) -> None:
        if name not in columns:
            raise SpecError(
                f"{where} names column {name!r}, which is not in the data; columns: {', '.join(columns)}"
            )

    def need_numeric(name: str, why: str) -> None:
        column = frame[name]
        if not pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column):
            raise SpecError(
                f"cannot {why} column {name!r}: it is not numeric (dtype {column.dtype})"
            )

    def check_aggregate(agg: Aggregate, where: str) -> None:
        if agg.column is None:
            return
        need(agg.column, where)
        if agg.func != "count":
            need_numeric(agg.column, f"compute the {agg.func} of")

    for name in spec.money_columns:
        need(name, "money_columns")
        need_numeric(name, "format as money the")
    for i, group in enumerate(spec.group_by):
        for name in group.by:
            need(name, f"group_by[{i}].by")
        for agg in group.aggregates:
            check_aggregate(agg, f"group_by[{i}].aggregates")
    for i, chart in enumerate(spec.charts):
        need(chart.x, f"charts[{i}].x")
        if chart.y is not None:
            check_aggregate(chart.y, f"charts[{i}].y")
        if chart.kind == "line" and not pd.api.types.is_datetime64_any_dtype(frame[chart.x]):
            raise SpecError(
                f"charts[{i}] is a line chart over time, but column {chart.x!r} holds no dates"
            )
        if chart.kind == "hist":
            need_numeric(chart.x, "draw a histogram of")


# --- the default spec ------------------------------------------------------------------------

_MONEY_WORDS = ("price", "revenue", "amount", "cost", "sales", "income", "profit", "fee", "total")
_AVERAGED_WORDS = (
    "price",
    "rate",
    "ratio",
    "pct",
    "percent",
    "score",
    "age",
    "temp",
    "avg",
    "mean",
)
_MAX_GROUP_TABLES = 3
_MAX_MEASURES = 3


def is_money_name(name: str) -> bool:
    """A column named like an amount of money (``revenue``, ``unit_price``, ...)."""
    return any(word in name.lower() for word in _MONEY_WORDS)


def summable(name: str) -> bool:
    """Whether a total of this column means something: ``revenue`` yes, ``unit_price`` or ``age`` no."""
    return not any(word in name.lower() for word in _AVERAGED_WORDS)


def default_spec(frame: pd.DataFrame, title: str | None = None) -> ReportSpec:
    """A report built from the column kinds alone (see :func:`~level0.report_generator.data.infer_kinds`).

    One table per category column (the three with fewest distinct values) with the sum (or the mean, for prices
    and rates) of up to three numeric columns, totals of money first, and the row
    count; a bar chart of the first figure by the first category; a line chart of it
    over time if there is a date column; a histogram when there is nothing to group by.
    """
    kinds = infer_kinds(frame)
    money = tuple(n for n in kinds.numbers if is_money_name(n))
    # Totals of money first (the headline: tables are sorted by it), then other totals, then averages.
    ranked = sorted(kinds.numbers, key=lambda n: (not summable(n), n not in money))
    measures = [Aggregate(m, "sum" if summable(m) else "mean") for m in ranked[:_MAX_MEASURES]]
    aggregates = (*measures, Aggregate(None, "count"))
    fewest_values = sorted(kinds.categories, key=lambda c: frame[c].nunique())[:_MAX_GROUP_TABLES]
    categories = [
        c for c in kinds.categories if c in fewest_values
    ]  # short tables, in column order
    groups = tuple(GroupBy(by=(c,), aggregates=aggregates) for c in categories)
    headline = aggregates[0]
    charts: list[Chart] = []
    if categories:
        charts.append(Chart("bar", categories[0], headline))
    if kinds.dates:
        charts.append(
            Chart("line", kinds.dates[0], headline, freq=_frequency(frame[kinds.dates[0]]))
        )
    if not charts and ranked:
        charts.append(Chart("hist", ranked[0]))
    return ReportSpec(title=title, group_by=groups, charts=tuple(charts), money_columns=money)


def _frequency(dates: pd.Series) -> str:
    """Day, month or year buckets, so a line chart has a readable number of points."""
    span = dates.max() - dates.min()
    if pd.isna(span) or span <= pd.Timedelta(days=62):
        return "day"
    return "month" if span <= pd.Timedelta(days=3 * 366) else "year"

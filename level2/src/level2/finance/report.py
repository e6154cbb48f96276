"""Put it together: one summary per ticker, the cross-ticker figures, and the files.

:func:`summarise` reduces one clean price table to the numbers a reader compares
(total and annual return, volatility, maximum drawdown, best and worst day and
month). :func:`write_report` writes a Markdown report with PNG charts, the weekly
and monthly returns as CSV and everything as JSON, all atomically.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from level0.atomic import atomic_write_text
from level2.finance.analytics import (
    MaxDrawdown,
    correlation_matrix,
    cumulative_returns,
    log_returns,
    max_drawdown,
    period_returns,
    resample_ohlcv,
    rolling_volatility,
    simple_returns,
)
from level2.finance.checks import CheckedPrices
from level2.finance.data import TRADING_DAYS
from level2.finance.plots import plot_correlation, plot_cumulative, plot_drawdown, plot_price

__all__ = ["Report", "TickerSummary", "format_summary_table", "summarise", "write_report"]

WINDOWS = (20, 50, 200)


@dataclass
class TickerSummary:
    """The headline numbers of one ticker (returns as fractions: 0.25 is 25 %)."""

    ticker: str
    first: str
    last: str
    days: int
    first_close: float
    last_close: float
    total_return: float
    annual_return: float
    annual_volatility: float
    max_drawdown: MaxDrawdown
    best_day: tuple[str, float]
    worst_day: tuple[str, float]
    best_month: tuple[str, float]
    worst_month: tuple[str, float]
    weeks: int
    months: int

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["max_drawdown"] = self.max_drawdown.as_dict()
        return data


def _extreme(values: pd.Series, pick: str, fmt: str) -> tuple[str, float]:
    when = values.idxmax() if pick == "max" else values.idxmin()
    return pd.Timestamp(when).strftime(fmt), float(values.loc[when])


def summarise(checked: CheckedPrices) -> TickerSummary:
    """The summary of one clean table; the annual return is the compound rate (CAGR)."""
    close = checked.close
    days = simple_returns(close)
    months = period_returns(close, "ME")
    years = (close.index[-1] - close.index[0]).days / 365.25
    total = float(close.iloc[-1] / close.iloc[0] - 1)
    return TickerSummary(
        ticker=checked.name,
        first=str(close.index[0].date()),
        last=str(close.index[-1].date()),
        days=len(close),
        first_close=float(close.iloc[0]),
        last_close=float(close.iloc[-1]),
        total_return=total,
        annual_return=(1 + total) ** (1 / years) - 1 if years > 0 else float("nan"),
        annual_volatility=float(log_returns(close).std() * np.sqrt(TRADING_DAYS)),
        max_drawdown=max_drawdown(close),
        best_day=_extreme(days, "max", "%Y-%m-%d"),
        worst_day=_extreme(days, "min", "%Y-%m-%d"),
        best_month=_extreme(months, "max", "%Y-%m"),
        worst_month=_extreme(months, "min", "%Y-%m"),
        weeks=len(resample_ohlcv(checked.prices, "W-FRI")),
        months=len(resample_ohlcv(checked.prices, "ME")),
    )


def format_summary_table(summaries: list[TickerSummary]) -> str:
    """A plain-text table: one row per ticker."""
    header = f"{'ticker':<8}{'days':>6}{'total':>10}{'annual':>9}{'vol':>8}{'max DD':>9}  worst day"
    lines = [header, "-" * len(header)]
    for s in summaries:
        lines.append(
            f"{s.ticker:<8}{s.days:>6}{s.total_return:>10.1%}{s.annual_return:>9.1%}"
            f"{s.annual_volatility:>8.1%}{s.max_drawdown.depth:>9.1%}  "
            f"{s.worst_day[0]} ({s.worst_day[1]:.1%})"
        )
    return "\n".join(lines)


@dataclass
class Report:
    """What :func:`write_report` computed and wrote."""

    summaries: list[TickerSummary]
    correlation: pd.DataFrame | None
    synthetic: bool
    files: list[Path] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        corr = None if self.correlation is None else self.correlation.round(4).to_dict()
        return {
            "data": "synthetic" if self.synthetic else "real",
            "tickers": [s.as_dict() for s in self.summaries],
            "correlation": corr,
        }


def _common_closes(tables: list[CheckedPrices]) -> pd.DataFrame:
    """The closes side by side on the dates every table has (an inner join)."""
    return pd.concat([t.close for t in tables], axis=1, join="inner")


def _markdown(
    report: Report,
    tables: list[CheckedPrices],
    closes: pd.DataFrame,
    source: str,
    windows: tuple[int, ...],
    vol_window: int,
) -> str:
    lines = [
        "# Daily prices: returns, trends and risk",
        "",
        f"**Data:** {source}",
        "",
        "## Data checks",
        "",
    ]
    findings = [(t.name, p) for t in tables for p in t.problems]
    lines += [f"- {name}: {problem}" for name, problem in findings] or [
        "- every table: dates sorted and unique, no gaps over 5 days, all prices positive"
    ]
    lines += [
        "",
        "## Summary",
        "",
        "Annual return is the compound rate (CAGR); volatility is the std of daily log "
        "returns times sqrt(252); max DD is the maximum drawdown.",
        "",
        "| ticker | first | last | days | total return | annual return | volatility | max DD | "
        "worst day | best month | worst month |",
        "|---|---|---|--:|--:|--:|--:|--:|---|---|---|",
    ]
    for s in report.summaries:
        lines.append(
            f"| {s.ticker} | {s.first} | {s.last} | {s.days} | {s.total_return:.1%} | "
            f"{s.annual_return:.1%} | {s.annual_volatility:.1%} | {s.max_drawdown.depth:.1%} | "
            f"{s.worst_day[0]} ({s.worst_day[1]:.1%}) | {s.best_month[0]} ({s.best_month[1]:.1%}) | "
            f"{s.worst_month[0]} ({s.worst_month[1]:.1%}) |"
        )
    lines += [
        "",
        "## Maximum drawdown",
        "",
        "The deepest fall from a running peak, and when (if ever) the price got back to it.",
        "",
        "| ticker | depth | peak | trough | recovered |",
        "|---|--:|---|---|---|",
    ]
    for s in report.summaries:
        dd = s.max_drawdown.as_dict()
        lines.append(
            f"| {s.ticker} | {s.max_drawdown.depth:.1%} | {dd['peak']} | {dd['trough']} | "
            f"{dd['recovery'] or 'not within the data'} |"
        )
    lines += [
        "",
        "## Resampling",
        "",
        "Daily bars become weekly (weeks ending Friday) and monthly bars with one rule per "
        "column: first open, highest high, lowest low, last close, summed volume.",
        "",
        "| ticker | daily rows | weekly rows | monthly rows |",
        "|---|--:|--:|--:|",
        *[f"| {s.ticker} | {s.days} | {s.weeks} | {s.months} |" for s in report.summaries],
        "",
        "Weekly and monthly returns per ticker: `weekly_returns.csv`, `monthly_returns.csv`.",
        "",
        "## Charts",
        "",
    ]
    for table in tables:
        lines += [
            f"### {table.name}",
            "",
            f"Close with {', '.join(map(str, windows))}-day moving averages; latest "
            f"{vol_window}-day volatility "
            f"{rolling_volatility(table.close, vol_window).iloc[-1]:.1%} (annualised).",
            "",
            f"![{table.name} price](price_{table.name}.png)",
            "",
            f"![{table.name} drawdown](drawdown_{table.name}.png)",
            "",
        ]
    if report.correlation is not None:
        names = list(report.correlation.columns)
        lines += [
            f"## Correlation of daily log returns ({len(closes)} common days)",
            "",
            "| | " + " | ".join(names) + " |",
            "|---|" + "--:|" * len(names),
        ]
        for name, row in report.correlation.iterrows():
            lines.append(f"| {name} | " + " | ".join(f"{v:.2f}" for v in row) + " |")
        lines += ["", "![correlation heatmap](correlation.png)", ""]
    lines += [
        f"## Cumulative return since {closes.index[0].date()}",
        "",
        "![cumulative returns](cumulative.png)",
        "",
    ]
    return "\n".join(lines)


def write_report(
    tables: list[CheckedPrices],
    out: Path,
    *,
    source: str,
    synthetic: bool = False,
    windows: tuple[int, ...] = WINDOWS,
    vol_window: int = 21,
) -> Report:
    """Analyse ``tables`` and write the report into ``out`` (created if needed).

    ``source`` is the one-line description of where the prices came from; with
    ``synthetic`` every title and the JSON say that the prices are not real.
    """
    names = [t.name for t in tables]
    if len(set(names)) != len(names):
        raise ValueError(f"each ticker may appear once, got {', '.join(names)}")
    label = " (SYNTHETIC random walk)" if synthetic else ""
    closes = _common_closes(tables)
    if len(closes) < 2:
        raise ValueError(
            f"the tables share {len(closes)} date(s); comparing them needs at least 2 common days"
        )
    out.mkdir(parents=True, exist_ok=True)  # only once the inputs are known to be usable
    report = Report(
        summaries=[summarise(t) for t in tables],
        correlation=correlation_matrix(closes) if len(tables) > 1 else None,
        synthetic=synthetic,
    )
    for table in tables:
        report.files.append(
            plot_price(table.close, windows, out / f"price_{table.name}.png", label=label)
        )
        report.files.append(
            plot_drawdown(table.close, out / f"drawdown_{table.name}.png", label=label)
        )
    if report.correlation is not None:
        report.files.append(
            plot_correlation(report.correlation, out / "correlation.png", label=label)
        )
    report.files.append(
        plot_cumulative(cumulative_returns(closes), out / "cumulative.png", label=label)
    )
    for rule, name in (("W-FRI", "weekly"), ("ME", "monthly")):
        returns = pd.concat([period_returns(t.close, rule) for t in tables], axis=1)
        path = out / f"{name}_returns.csv"
        atomic_write_text(path, returns.round(6).to_csv(index_label="period_end"))
        report.files.append(path)
    summary_path = out / "summary.json"
    atomic_write_text(summary_path, json.dumps(report.as_dict(), indent=2) + "\n")
    markdown_path = out / "report.md"
    atomic_write_text(markdown_path, _markdown(report, tables, closes, source, windows, vol_window))
    report.files += [summary_path, markdown_path]
    return report

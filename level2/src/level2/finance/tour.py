"""Tour step: the report on all ten registry tickers (a labelled synthetic walk when not cached)."""

from __future__ import annotations

from pathlib import Path

from level0 import datasets
from level0.tour import TourResult
from level2.finance.data import available_tickers
from level2.finance.report import Report, write_report
from level2.finance.sources import collect


def most_correlated_pair(report: Report) -> tuple[str, str, float]:
    """The two tickers whose daily log returns correlate the most (ties: first in order)."""
    if report.correlation is None:
        raise ValueError("a correlation needs at least two tickers")
    pairs = report.correlation.stack()
    pairs = pairs[[a < b for a, b in pairs.index]]
    (first, second), value = pairs.idxmax(), pairs.max()
    return str(first), str(second), float(value)


def run(out: Path, *, tickers: list[str] | None = None) -> TourResult:
    """The report on ``tickers`` (default: all ten) under ``out / "report"``."""
    tickers = tickers or available_tickers()
    try:
        datasets.locate("stocks")
        synthetic = False
    except datasets.DatasetMissing:
        synthetic = True
    tables, source = collect(tickers, [], synthetic=synthetic, seed=0)
    report = write_report(tables, out / "report", source=source, synthetic=synthetic)
    best = max(report.summaries, key=lambda s: s.total_return)
    worst = min(report.summaries, key=lambda s: s.max_drawdown.depth)
    first, second, corr = most_correlated_pair(report)
    key = (
        f"{len(tables)} tickers: best total return {best.ticker} {best.total_return:.0%}, "
        f"deepest max drawdown {worst.ticker} {worst.max_drawdown.depth:.0%}, "
        f"most correlated {first}/{second} r={corr:.2f}"
    )
    return TourResult(data="synthetic" if synthetic else "real", key_result=key, files=report.files)

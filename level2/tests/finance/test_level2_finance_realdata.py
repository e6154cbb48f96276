"""The real registry prices (skipped with the fetch command when not cached) and the tour."""

from __future__ import annotations

import pandas as pd
import pytest

from level2.finance.tour import run

TICKERS = ["AAPL", "AMZN", "GOOGL", "IBM", "JNJ", "JPM", "KO", "MSFT", "WMT", "XOM"]


def test_the_ten_real_tickers_load_clean_with_1259_rows(solution, realdata):
    realdata("stocks")
    fin = solution("level2.finance")
    for ticker in TICKERS:
        checked = fin.clean_prices(fin.load_ticker(ticker), ticker)
        assert len(checked.prices) == 1259, ticker
        assert checked.problems == [], ticker
        assert str(checked.prices.index[0].date()) == "2013-02-08"


def test_real_figures_match_the_readme(solution, realdata):
    realdata("stocks")
    fin = solution("level2.finance")
    closes = pd.concat(
        [fin.clean_prices(fin.load_ticker(t), t).close for t in ("AMZN", "GOOGL", "IBM")], axis=1
    )
    growth = fin.cumulative_returns(closes).iloc[-1]
    assert growth["AMZN"] == pytest.approx(4.409, abs=5e-4)
    worst = fin.max_drawdown(closes["IBM"])
    assert worst.depth == pytest.approx(-0.4539, abs=5e-5)
    assert (str(worst.peak.date()), str(worst.trough.date())) == ("2013-03-14", "2016-02-11")
    assert worst.recovery is None
    assert fin.correlation_matrix(closes).loc["AMZN", "GOOGL"] == pytest.approx(0.5519, abs=5e-5)


def test_tour_runs_end_to_end(tmp_path):
    result = run(tmp_path, tickers=["AMZN", "GOOGL", "KO"])  # all ten: ~4 s, in the README
    assert result.data in {"real", "synthetic"}
    assert result.key_result.startswith("3 tickers:")
    assert "most correlated" in result.key_result
    assert all(path.is_file() and tmp_path in path.parents for path in result.files)

"""Bad price tables are detected, reported, and fixed or refused."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

GOOD = """date,open,high,low,close,volume
2024-01-02,10,11,9,10.5,100
2024-01-03,10.5,11,10,10.8,120
2024-01-04,10.8,11.2,10.6,11.0,90
2024-01-05,11.0,11.5,10.9,11.4,80
"""


def read(solution, tmp_path: Path, text: str) -> pd.DataFrame:
    path = tmp_path / "prices.csv"
    path.write_text(text)
    return solution("level2.finance").read_price_csv(path)


def kinds(problems) -> list[str]:
    return [p.kind for p in problems]


def test_a_clean_file_has_no_problems(solution, tmp_path):
    fin = solution("level2.finance")
    raw = read(solution, tmp_path, GOOD)
    assert fin.check_prices(raw) == []
    checked = fin.clean_prices(raw, "X")
    assert checked.close.tolist() == [10.5, 10.8, 11.0, 11.4]
    assert checked.close.name == "X"


def test_unsorted_dates_are_reported_and_sorted(solution, tmp_path):
    fin = solution("level2.finance")
    lines = GOOD.splitlines()
    raw = read(solution, tmp_path, "\n".join([lines[0], lines[3], lines[1], lines[2], lines[4]]))
    problems = fin.check_prices(raw)
    assert kinds(problems) == ["unsorted dates"]
    assert not problems[0].fatal
    checked = fin.clean_prices(raw, "X")
    assert checked.prices.index.is_monotonic_increasing
    assert checked.close.tolist() == [10.5, 10.8, 11.0, 11.4]


def test_identical_duplicate_rows_are_dropped_with_a_warning(solution, tmp_path):
    fin = solution("level2.finance")
    raw = read(solution, tmp_path, GOOD + "2024-01-05,11.0,11.5,10.9,11.4,80\n")
    problems = fin.check_prices(raw)
    assert kinds(problems) == ["duplicate date"]
    assert not problems[0].fatal
    assert len(fin.clean_prices(raw, "X").prices) == 4


def test_conflicting_duplicate_dates_are_refused(solution, tmp_path):
    fin = solution("level2.finance")
    raw = read(solution, tmp_path, GOOD + "2024-01-05,11.0,11.5,10.9,99.0,80\n")
    problems = fin.check_prices(raw)
    assert kinds(problems) == ["duplicate date"]
    assert problems[0].fatal
    with pytest.raises(fin.PriceDataError, match=r"duplicate date.*2024-01-05"):
        fin.clean_prices(raw, "X")


def test_a_gap_is_reported_but_kept(solution, tmp_path):
    fin = solution("level2.finance")
    raw = read(solution, tmp_path, GOOD + "2024-02-01,11,12,10,11.8,70\n")
    problems = fin.check_prices(raw)
    assert kinds(problems) == ["gap"]
    assert not problems[0].fatal
    assert "27 days" in problems[0].detail
    assert len(fin.clean_prices(raw, "X").prices) == 5
    assert fin.check_prices(raw, max_gap_days=30) == []


@pytest.mark.parametrize("bad", ["0", "-3.5"])
def test_non_positive_prices_are_refused(solution, tmp_path, bad):
    fin = solution("level2.finance")
    raw = read(solution, tmp_path, GOOD.replace("10.8,120", f"{bad},120"))
    problems = fin.check_prices(raw)
    assert kinds(problems) == ["non-positive price"]
    assert problems[0].fatal
    with pytest.raises(fin.PriceDataError, match=r"non-positive price.*2024-01-03"):
        fin.clean_prices(raw, "X")


def test_unparseable_dates_and_missing_closes_are_dropped(solution, tmp_path):
    fin = solution("level2.finance")
    text = GOOD + "not a date,1,1,1,1,1\n2024-01-08,11,12,10,,70\n"
    raw = read(solution, tmp_path, text)
    assert kinds(fin.check_prices(raw)) == ["unparseable date", "missing close"]
    assert len(fin.clean_prices(raw, "X").prices) == 4


def test_every_fatal_problem_is_named_at_once(solution, tmp_path):
    fin = solution("level2.finance")
    raw = read(solution, tmp_path, "date,close\n2024-01-02,-1\n")
    with pytest.raises(fin.PriceDataError) as info:
        fin.clean_prices(raw, "X")
    assert "non-positive price" in str(info.value)
    assert "too few rows" in str(info.value)


def test_a_file_without_a_close_column_is_a_value_error(solution, tmp_path):
    with pytest.raises(ValueError, match="no 'close' column"):
        read(solution, tmp_path, "Date,Price\n2024-01-02,1\n")


def test_column_names_are_matched_loosely(solution, tmp_path):
    raw = read(solution, tmp_path, " Date , CLOSE \n2024-01-02,1.5\n2024-01-03,1.6\n")
    assert raw["close"].tolist() == [1.5, 1.6]

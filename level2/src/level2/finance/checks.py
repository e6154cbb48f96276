"""Check a raw price table before any figure is computed from it, and say what was wrong.

Every statistic downstream assumes one row per trading day, in date order, with a
positive price. A file that breaks one of these rules does not crash pandas: it
silently gives wrong returns (a negative "return" across an unsorted pair, a 0 %
return between duplicated rows, ``log`` of a negative price is NaN). So the table is
checked first, and each finding is either fixed and reported or refused:

====================  ==========================================  ============
problem               what happens                                 fatal?
====================  ==========================================  ============
unparseable date      the row is dropped                           no
missing close         the row is dropped                           no
unsorted dates        the table is sorted by date                  no
duplicate date        identical rows: one is kept; different       only when
                      prices on the same date: refused             they differ
gap                   reported (a return then spans the gap)       no
non-positive price    refused: no return or log is defined         yes
fewer than 2 rows     refused: there is no return to compute       yes
====================  ==========================================  ============
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from level2.finance.data import PRICE_COLUMNS

__all__ = ["CheckedPrices", "PriceDataError", "Problem", "check_prices", "clean_prices"]

MAX_GAP_DAYS = 5  # a weekend plus a holiday is 4 calendar days between trading days


class PriceDataError(ValueError):
    """The price table cannot be used; the message lists every fatal problem."""


@dataclass(frozen=True)
class Problem:
    """One finding: what kind, how many rows, an example, and whether it stops the analysis."""

    kind: str
    rows: int
    detail: str
    fatal: bool = False

    def __str__(self) -> str:
        severity = "error" if self.fatal else "warning"
        return f"{severity}: {self.kind} ({self.rows} row{'s' * (self.rows != 1)}): {self.detail}"


@dataclass
class CheckedPrices:
    """A clean table (indexed by date, sorted, one row per date) and what was done to get it."""

    name: str
    prices: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)

    @property
    def close(self) -> pd.Series:
        return self.prices["close"].rename(self.name)


def _dates(values: pd.Series, limit: int = 3) -> str:
    shown = [str(pd.Timestamp(v).date()) for v in values.iloc[:limit]]
    more = f" and {len(values) - limit} more" if len(values) > limit else ""
    return ", ".join(shown) + more


def check_prices(raw: pd.DataFrame, *, max_gap_days: int = MAX_GAP_DAYS) -> list[Problem]:
    """Every problem of a raw table from :mod:`level2.finance.data`, in the order they are handled."""
    problems = []
    bad_date = raw["date"].isna()
    if bad_date.any():
        rows = [str(i + 2) for i in raw.index[bad_date][:3]]  # +2: header line, 1-based
        problems.append(
            Problem(
                "unparseable date", int(bad_date.sum()), f"dropped file line(s) {', '.join(rows)}"
            )
        )
    no_close = raw["close"].isna() & ~bad_date
    if no_close.any():
        problems.append(
            Problem(
                "missing close", int(no_close.sum()), f"dropped {_dates(raw['date'][no_close])}"
            )
        )
    usable = raw[~bad_date & ~no_close]
    prices = usable[[c for c in PRICE_COLUMNS if c in usable.columns]]
    non_positive = (prices <= 0).any(axis=1)
    if non_positive.any():
        problems.append(
            Problem(
                "non-positive price",
                int(non_positive.sum()),
                f"on {_dates(usable['date'][non_positive])}; returns need prices above 0",
                fatal=True,
            )
        )
    out_of_order = usable["date"].diff() < pd.Timedelta(0)
    if out_of_order.any():
        problems.append(
            Problem(
                "unsorted dates",
                int(out_of_order.sum()),
                f"first at {_dates(usable['date'][out_of_order], 1)}; sorted by date",
            )
        )
    repeated = usable["date"].duplicated(keep=False)
    if repeated.any():
        copies = usable[repeated]
        columns = [c for c in usable.columns if c != "date"]
        differing = copies.groupby("date")[columns].nunique(dropna=False).gt(1).any(axis=1)
        conflicts = differing[differing].index.to_series()
        if len(conflicts):
            problems.append(
                Problem(
                    "duplicate date",
                    int(copies["date"].isin(conflicts).sum()),
                    f"different prices on {_dates(conflicts)}; which one is right is unknowable",
                    fatal=True,
                )
            )
        identical = int(usable["date"].duplicated().sum()) - int(differing.sum())
        if identical > 0:
            problems.append(
                Problem("duplicate date", identical, "identical repeated rows; kept one of each")
            )
    steps = usable["date"].drop_duplicates().sort_values().diff()
    gaps = steps[steps > pd.Timedelta(days=max_gap_days)]
    if len(gaps):
        widest = gaps.idxmax()
        end = usable["date"].drop_duplicates().sort_values().loc[widest]
        problems.append(
            Problem(
                "gap",
                len(gaps),
                f"{len(gaps)} gap(s) over {max_gap_days} days, widest {gaps.max().days} days "
                f"before {end.date()}; the return after a gap spans it",
            )
        )
    if usable["date"].nunique() < 2:
        problems.append(
            Problem("too few rows", len(usable), "need at least 2 dated prices", fatal=True)
        )
    return problems


def clean_prices(
    raw: pd.DataFrame, name: str, *, max_gap_days: int = MAX_GAP_DAYS
) -> CheckedPrices:
    """Check ``raw``, then drop, sort and deduplicate as the table above says.

    Raises :class:`PriceDataError` naming every fatal problem at once, so a learner
    fixes the file in one go rather than one error per run.
    """
    problems = check_prices(raw, max_gap_days=max_gap_days)
    fatal = [p for p in problems if p.fatal]
    if fatal:
        reasons = "; ".join(f"{p.kind}: {p.detail}" for p in fatal)
        raise PriceDataError(f"{name}: {reasons}")
    table = (
        raw.dropna(subset=["date", "close"])
        .drop_duplicates()
        .sort_values("date", kind="stable")
        .set_index("date")
    )
    table = table.drop(columns=[c for c in ("name",) if c in table.columns])
    return CheckedPrices(name=name, prices=table, problems=problems)

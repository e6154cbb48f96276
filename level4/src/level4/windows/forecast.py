"""Forecast CO 24 hours ahead from lag and window features, honestly.

* **Features use only the past**: at hour t every feature is built from readings at or
  before t (trailing windows, lags, EWM), plus the calendar of the target hour, which
  is known in advance. :func:`features` is property-tested: changing readings after t
  moves no feature at or before t.
* **Target**: CO at t + 24 h (the hourly grid is complete, so 24 rows = 24 hours).
* **Baseline**: persistence, the last CO reading at or before t. For a 24-hour horizon
  it is also the "same hour yesterday" seasonal naive forecast.
* **Selection on cross-validation only**: ``TimeSeriesSplit`` (training folds always
  before their test fold, with a 24-hour gap so no training target lies in the test
  fold's hours) over the data before the held-out tail. The tail is used once, for the
  chosen model and the baseline.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from level4.windows import windows as w

__all__ = [
    "CANDIDATES",
    "HORIZON",
    "TARGET",
    "Candidate",
    "ForecastResult",
    "evaluate_forecast",
    "features",
    "persistence",
]

TARGET = "CO(GT)"
HORIZON = 24  # hours ahead
HELPERS = ("PT08.S1(CO)", "C6H6(GT)", "NOx(GT)", "NO2(GT)", "T", "RH", "AH")
CO_LAGS = (0, 1, 2, 3, 6, 12, 23, 24, 48, 168)


def _long(values: pd.Series) -> pd.DataFrame:
    return pd.DataFrame({"key": "x", "ts": values.index, "value": values.to_numpy()})


def _trailing(values: pd.Series, name: str, spans: tuple[str, ...]) -> dict[str, np.ndarray]:
    frame = _long(values)
    out = {}
    for span in spans:
        out[f"{name}_mean_{span}"] = w.rolling(frame, span, "mean").to_numpy()
        out[f"{name}_std_{span}"] = w.rolling(frame, span, "std", min_periods=2).to_numpy()
    return out


def features(wide: pd.DataFrame) -> pd.DataFrame:
    """Every feature for every hour of ``wide`` (a complete hourly grid), past data only."""
    if len(wide) > 1 and (wide.index.to_series().diff().iloc[1:] != pd.Timedelta("1h")).any():
        raise ValueError("the forecast needs a complete hourly grid (one row per hour)")
    co = wide[TARGET]
    frame = _long(co)
    columns: dict[str, np.ndarray] = {f"co_lag_{k}": co.shift(k).to_numpy() for k in CO_LAGS}
    columns["co_last_seen"] = co.ffill().to_numpy()
    columns["co_hours_since_seen"] = _hours_since_seen(co)
    columns.update(_trailing(co, "co", ("24h", "7D")))
    columns["co_max_24h"] = w.rolling(frame, "24h", "max").to_numpy()
    columns["co_ewm_a0.1"] = w.ewm_mean(frame, 0.1, adjust=True).to_numpy()
    columns["co_rank_7d"] = w.rolling_rank_pct(frame, "7D").to_numpy()
    same_hour = pd.concat([co.shift(24 * d) for d in range(1, 8)], axis=1)
    columns["co_same_hour_mean_7d"] = same_hour.mean(axis=1).to_numpy()
    for name in HELPERS:
        tag = name.split("(")[0].lower().replace(".", "")
        columns[f"{tag}_now"] = wide[name].to_numpy()
        columns[f"{tag}_mean_24h"] = w.rolling(_long(wide[name]), "24h", "mean").to_numpy()
    target_time = wide.index + pd.Timedelta(hours=HORIZON)  # the calendar is known ahead
    columns["target_hour"] = target_time.hour.to_numpy()
    columns["target_weekday"] = target_time.day_of_week.to_numpy()
    columns["target_weekend"] = (target_time.day_of_week >= 5).astype("int64")
    return pd.DataFrame(columns, index=wide.index).astype("float64")


def _hours_since_seen(values: pd.Series) -> np.ndarray:
    position = np.arange(len(values), dtype="float64")
    seen = pd.Series(np.where(values.notna(), position, np.nan)).ffill().to_numpy(dtype="float64")
    result: np.ndarray = position - seen
    return result


def target(wide: pd.DataFrame) -> pd.Series:
    """CO 24 hours after each hour (NaN when that reading is missing or past the end)."""
    return wide[TARGET].shift(-HORIZON).rename("target")


def persistence(wide: pd.DataFrame) -> pd.Series:
    """The baseline forecast: the last CO reading at or before each hour."""
    return wide[TARGET].ffill().rename("persistence")


@dataclass(frozen=True)
class Candidate:
    """A model and the feature groups it sees; ``make`` builds a fresh estimator."""

    name: str
    make: Callable[[], object]
    prefixes: tuple[str, ...] = ()  # feature name prefixes; () = all features

    def columns(self, table: pd.DataFrame) -> list[str]:
        if not self.prefixes:
            return list(table.columns)
        return [c for c in table.columns if c.startswith(self.prefixes)]


def _ridge() -> object:
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import RidgeCV
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(
        SimpleImputer(add_indicator=True), StandardScaler(), RidgeCV(np.logspace(-2, 3, 11))
    )


def _boosting(learning_rate: float, leaf: int) -> Callable[[], object]:
    def make() -> object:
        from sklearn.ensemble import HistGradientBoostingRegressor

        return HistGradientBoostingRegressor(
            loss="absolute_error",
            learning_rate=learning_rate,
            max_iter=300,
            min_samples_leaf=leaf,
            random_state=0,
        )

    return make


CANDIDATES: tuple[Candidate, ...] = (
    Candidate("ridge, CO lags only", _ridge, ("co_lag_", "co_last", "target_")),
    Candidate("ridge, all features", _ridge),
    Candidate("boosting, CO lags and windows", _boosting(0.05, 40), ("co_", "target_")),
    Candidate("boosting, all features", _boosting(0.03, 80)),
)


@dataclass
class ForecastResult:
    """CV scores of every candidate, the chosen one, and its single held-out evaluation."""

    rows_train: int
    rows_heldout: int
    heldout_start: str
    splits: int
    cv: list[dict[str, object]]
    chosen: str
    heldout_mae: float
    heldout_persistence_mae: float
    predictions: pd.DataFrame = field(repr=False)

    @property
    def improvement(self) -> float:
        """Share of the persistence MAE the model removes on the held-out tail."""
        return 1.0 - self.heldout_mae / self.heldout_persistence_mae

    def as_dict(self) -> dict[str, object]:
        return {
            "rows_train": self.rows_train,
            "rows_heldout": self.rows_heldout,
            "heldout_start": self.heldout_start,
            "splits": self.splits,
            "cv": self.cv,
            "chosen": self.chosen,
            "heldout_mae": self.heldout_mae,
            "heldout_persistence_mae": self.heldout_persistence_mae,
            "improvement": self.improvement,
        }


def evaluate_forecast(
    wide: pd.DataFrame,
    *,
    holdout_days: int = 60,
    splits: int = 5,
    candidates: tuple[Candidate, ...] = CANDIDATES,
) -> ForecastResult:
    """Choose a candidate by TimeSeriesSplit MAE before the tail, then score the tail once."""
    import sklearn.ensemble  # noqa: F401  (loads OpenMP, so the limit below reaches it)
    from threadpoolctl import threadpool_limits

    # One OpenMP thread: on the busy 2-core VM boosting fits ran 4-7x faster than with two.
    with threadpool_limits(1):
        return _evaluate(wide, holdout_days, splits, candidates)


def _evaluate(
    wide: pd.DataFrame, holdout_days: int, splits: int, candidates: tuple[Candidate, ...]
) -> ForecastResult:
    from sklearn.metrics import mean_absolute_error
    from sklearn.model_selection import TimeSeriesSplit

    table = features(wide)
    y, naive = target(wide), persistence(wide)
    usable = y.notna() & naive.notna()
    cut = wide.index[-1] - pd.Timedelta(days=holdout_days)
    before = usable & (wide.index <= cut - pd.Timedelta(hours=HORIZON))  # no target in the tail
    tail = usable & (wide.index > cut)
    if before.sum() < 10 * splits or tail.sum() < HORIZON:
        raise ValueError(
            f"too little data: {int(before.sum())} usable hours before the held-out tail "
            f"of {holdout_days} days and {int(tail.sum())} in it"
        )
    x_train, y_train = table[before], y[before]
    folds = list(TimeSeriesSplit(n_splits=splits, gap=HORIZON).split(x_train))
    cv = []
    for candidate in candidates:
        cols = candidate.columns(table)
        maes, naive_maes = [], []
        for fit_rows, test_rows in folds:
            model = candidate.make()
            model.fit(x_train.iloc[fit_rows][cols], y_train.iloc[fit_rows])  # type: ignore[attr-defined]
            guess = model.predict(x_train.iloc[test_rows][cols])  # type: ignore[attr-defined]
            maes.append(mean_absolute_error(y_train.iloc[test_rows], guess))
            naive_maes.append(
                mean_absolute_error(y_train.iloc[test_rows], naive[before].iloc[test_rows])
            )
        cv.append(
            {
                "candidate": candidate.name,
                "features": len(cols),
                "cv_mae": float(np.mean(maes)),
                "cv_mae_std": float(np.std(maes)),
                "cv_persistence_mae": float(np.mean(naive_maes)),
            }
        )
    best = min(range(len(candidates)), key=lambda i: float(cv[i]["cv_mae"]))  # type: ignore[arg-type]
    chosen = candidates[best]
    cols = chosen.columns(table)
    model = chosen.make()
    model.fit(x_train[cols], y_train)  # type: ignore[attr-defined]
    guess = model.predict(table[tail][cols])  # type: ignore[attr-defined]  # the one look
    predictions = pd.DataFrame(
        {
            "target_time": (wide.index[tail] + pd.Timedelta(hours=HORIZON)),
            "actual": y[tail].to_numpy(),
            "model": guess,
            "persistence": naive[tail].to_numpy(),
        }
    )
    return ForecastResult(
        rows_train=int(before.sum()),
        rows_heldout=int(tail.sum()),
        heldout_start=str(cut),
        splits=splits,
        cv=cv,
        chosen=chosen.name,
        heldout_mae=float(mean_absolute_error(predictions["actual"], predictions["model"])),
        heldout_persistence_mae=float(
            mean_absolute_error(predictions["actual"], predictions["persistence"])
        ),
        predictions=predictions,
    )

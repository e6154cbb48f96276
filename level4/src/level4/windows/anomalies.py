"""Sensor anomalies by a rolling z-score, and the checks of that detector against the data.

The detector scores each reading against the readings of the previous 24 hours
(:func:`level4.windows.windows.rolling_zscore`, catalogue query ``zscore_prior_24h``)
and flags ``|z| >= threshold``. It only looks back, so it could run live.

What it is checked against (:func:`check_sensor`), all measured on the real series:

1. **Missing-value runs** (the ``-200`` stretches): no missing reading gets a score,
   and no score right after a long outage leans on readings from before it. The time
   window guarantees that; the same detector on a 24-*row* window does not, and the
   check counts the scores whose window reaches back across an outage of a day or more.
2. **Spikes seen in hindsight**: a centred Hampel filter (median of the 7 hours around
   a reading, 5 scaled MADs) marks the isolated spikes the full series shows. It sees
   the future, so it is a reference, not a rival: the check reports how many of the
   Hampel spikes the causal detector flags (recall) and how many of its flags are
   Hampel spikes (agreement).
3. **Injected spikes**: spikes of known size put into a copy of the real series at
   random readings; the share flagged is the detector's recall on a known truth.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from level4.windows import windows as w
from level4.windows.data import long_frame

__all__ = [
    "SensorCheck",
    "check_sensor",
    "detect",
    "hampel_spikes",
    "missing_runs",
    "stale_windows",
]

WINDOW = "24h"
MIN_PERIODS = 12  # half a day of readings before a score means anything
OUTAGE = pd.Timedelta("24h")


def detect(
    frame: pd.DataFrame,
    *,
    window: w.Window = WINDOW,
    threshold: float = 4.0,
    min_periods: int = MIN_PERIODS,
) -> pd.DataFrame:
    """The long frame with the score ``z`` and the ``flag`` (``|z| >= threshold``) of each reading."""
    z = w.rolling_zscore(frame, window, min_periods=min_periods)
    return frame.assign(z=z, flag=z.abs() >= threshold)


def missing_runs(values: pd.Series) -> pd.DataFrame:
    """The stretches of consecutive missing readings of one gridded series: start, end, hours."""
    missing = values.isna().to_numpy()
    edges = np.diff(np.concatenate([[0], missing.astype(np.int8), [0]]))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    index = values.index
    return pd.DataFrame(
        {"start": index[starts], "end": index[ends - 1], "hours": ends - starts}
    ).sort_values("hours", ascending=False, kind="stable", ignore_index=True)


def hampel_spikes(values: pd.Series, *, half_width: int = 3, k: float = 5.0) -> pd.Series:
    """Hindsight spikes: more than ``k`` scaled MADs from the median of the centred window.

    The MAD is floored at a tenth of the series' own MAD, so a flat stretch of a
    quantised sensor (CO in steps of 0.1) does not turn every step into a spike.
    """
    size = 2 * half_width + 1
    median = values.rolling(size, center=True, min_periods=half_width + 1).median()
    deviation = (values - median).abs()
    mad = deviation.rolling(size, center=True, min_periods=half_width + 1).median()
    floor = 0.1 * float((values - values.median()).abs().median())
    return (deviation > k * 1.4826 * mad.clip(lower=floor)).fillna(False).astype(bool)


@dataclass(frozen=True)
class SensorCheck:
    """The detector on one sensor, and how it fared against the three references."""

    sensor: str
    readings: int
    missing: int
    scored: int
    flagged: int
    threshold: float
    longest_outage_hours: int
    outages_over_a_day: int
    scored_missing: int  # must be 0
    time_scores_reaching_across_outage: int  # must be 0
    row_scores_reaching_across_outage: int  # the 24-row window's stale scores
    row_flags_reaching_across_outage: int
    hampel_spikes: int
    hampel_recall: float
    hampel_agreement: float
    injected: int
    injected_recall: float

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def stale_windows(frame: pd.DataFrame, window: w.Window) -> pd.Series:
    """Rows whose window of previous readings holds a reading from before an outage.

    An outage is more than 24 hours without a reading. For each row, the last reading
    before the latest outage is carried forward (its position and time); the window of
    previous readings is stale when it still contains that reading.
    """
    keys = frame["key"]
    position = frame.groupby(keys).cumcount()
    after = frame.groupby(keys)["ts"].diff() > OUTAGE
    last_position = (position - 1).where(after).groupby(keys).ffill()
    last_time = frame["ts"].shift(1).where(after).groupby(keys).ffill()
    if isinstance(window, int):
        return (last_position >= position - window).fillna(False).astype(bool)
    return (last_time >= frame["ts"] - pd.Timedelta(window)).fillna(False).astype(bool)


def check_sensor(
    wide: pd.DataFrame,
    sensor: str,
    *,
    threshold: float = 4.0,
    injected: int = 50,
    spike_sigmas: float = 6.0,
    seed: int = 0,
) -> tuple[SensorCheck, pd.DataFrame]:
    """Run the detector on ``wide[sensor]`` and check it; also return the scored readings."""
    grid = wide[sensor]
    frame = long_frame(wide, [sensor])
    scored = detect(frame, threshold=threshold)
    by_rows = detect(frame, window=24, threshold=threshold)
    runs = missing_runs(grid)

    # 1. missing runs: the time window never reaches across an outage, the row window does
    scores = scored["z"].notna()
    time_across = stale_windows(frame, WINDOW) & scores
    row_across = stale_windows(frame, 24) & by_rows["z"].notna()
    on_grid = scored.set_index("ts")["z"].reindex(grid.index)
    scored_missing = int((grid.isna() & on_grid.notna()).sum())

    # 2. hindsight spikes (Hampel) against the causal flags
    spikes = hampel_spikes(grid).to_numpy()
    flags = scored.set_index("ts")["flag"].reindex(grid.index, fill_value=False).to_numpy()
    caught = int((spikes & flags).sum())

    # 3. spikes of known size injected at random readings of a copy
    rng = np.random.default_rng(seed)
    present = np.flatnonzero(grid.notna().to_numpy())
    at = rng.choice(present, size=min(injected, len(present)), replace=False)
    spiked = grid.copy()
    spiked.iloc[at] += spike_sigmas * float(grid.std())
    rescored = detect(long_frame(spiked.to_frame(sensor), [sensor]), threshold=threshold)
    hit = rescored.set_index("ts")["flag"].reindex(grid.index[at], fill_value=False)

    check = SensorCheck(
        sensor=sensor,
        readings=len(frame),
        missing=int(grid.isna().sum()),
        scored=int(scores.sum()),
        flagged=int(scored["flag"].sum()),
        threshold=threshold,
        longest_outage_hours=int(runs["hours"].max()) if len(runs) else 0,
        outages_over_a_day=int((runs["hours"] >= OUTAGE / pd.Timedelta("1h")).sum()),
        scored_missing=scored_missing,
        time_scores_reaching_across_outage=int(time_across.sum()),
        row_scores_reaching_across_outage=int(row_across.sum()),
        row_flags_reaching_across_outage=int((row_across & by_rows["flag"]).sum()),
        hampel_spikes=int(spikes.sum()),
        hampel_recall=caught / max(1, int(spikes.sum())),
        hampel_agreement=caught / max(1, int(flags.sum())),
        injected=len(at),
        injected_recall=float(hit.mean()) if len(hit) else 0.0,
    )
    return check, scored

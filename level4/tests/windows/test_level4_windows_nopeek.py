"""No peeking: changing readings after hour t moves no forecasting feature at or before t."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from level4.windows import data, forecast, queries
from level4.windows import windows as w

WIDE = data.synthetic_air_quality(days=20, seed=3)  # 480 hours with missing runs


def _same(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    return bool(np.array_equal(a.to_numpy(), b.to_numpy(), equal_nan=True))


@settings(max_examples=30, deadline=None)
@given(
    cut=st.integers(0, len(WIDE) - 2),
    seed=st.integers(0, 2**32 - 1),
    missing=st.floats(0.0, 0.5),
)
def test_features_at_or_before_t_ignore_everything_after_t(cut, seed, missing):
    rng = np.random.default_rng(seed)
    changed = WIDE.copy()
    later = changed.iloc[cut + 1 :]
    noise = rng.normal(0, 50, later.shape) * (rng.random(later.shape) >= missing)
    blank = rng.random(later.shape) < missing
    changed.iloc[cut + 1 :] = (later + noise).mask(blank)
    before, after = forecast.features(WIDE), forecast.features(changed)
    assert _same(before.iloc[: cut + 1], after.iloc[: cut + 1])
    assert not _same(before, after)  # the change itself is visible later on


@pytest.mark.parametrize("query", [q for q in queries.CATALOGUE if q.causal], ids=lambda q: q.name)
def test_every_causal_query_looks_only_back(query):
    frame = data.long_frame(WIDE, ["CO(GT)", "T"], drop_missing=False)
    cut = frame["ts"].iloc[200]
    changed = frame.assign(value=frame["value"].where(frame["ts"] <= cut, frame["value"] + 7.0))
    early = (frame["ts"] <= cut).to_numpy()
    a, b = query.pandas(frame).to_numpy(), query.pandas(changed).to_numpy()
    assert np.array_equal(a[early], b[early], equal_nan=True)


def test_the_property_catches_a_peek():
    """A centred window is the negative control: the same check sees it move."""
    frame = data.long_frame(WIDE, ["CO(GT)"], drop_missing=False)
    cut = 200
    changed = frame.assign(value=frame["value"].where(frame.index <= cut, 99.0))
    centred = w.rolling(frame, 5, "mean", center=True, min_periods=1)
    moved = w.rolling(changed, 5, "mean", center=True, min_periods=1)
    assert not np.array_equal(centred[: cut + 1], moved[: cut + 1], equal_nan=True)


def test_target_is_co_24_hours_later_and_persistence_the_last_reading():
    target = forecast.target(WIDE)
    assert np.array_equal(
        target.iloc[:-24].to_numpy(), WIDE["CO(GT)"].iloc[24:].to_numpy(), equal_nan=True
    )
    naive = forecast.persistence(WIDE)
    assert naive.notna().all()
    assert (naive[WIDE["CO(GT)"].notna()] == WIDE["CO(GT)"].dropna()).all()


def test_features_refuse_a_grid_with_holes():
    with pytest.raises(ValueError, match="complete hourly grid"):
        forecast.features(WIDE.drop(WIDE.index[5]))

"""The corrected resampled t-test: a hand-computed example, scipy as oracle, properties."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats


def test_hand_computed_example(solution):
    mod = solution("level3.compare")
    # d = a - b = [0.01, 0.02, 0.03, 0.04, 0.00]: mean 0.02,
    # sample variance (1e-4 + 0 + 1e-4 + 4e-4 + 4e-4) / 4 = 2.5e-4.
    # 5-fold CV: n_test / n_train = 20 / 80 = 0.25, so the variance of the mean is
    # (1/5 + 1/4) * 2.5e-4 = 1.125e-4 and t = 0.02 / sqrt(1.125e-4) = 1.8856...
    # The naive test: t = 0.02 / sqrt(2.5e-4 / 5) = 2.8284...
    a = [0.81, 0.82, 0.83, 0.84, 0.80]
    b = [0.80, 0.80, 0.80, 0.80, 0.80]
    test = mod.corrected_resampled_ttest(a, b, n_train=80, n_test=20)
    assert test.mean_difference == pytest.approx(0.02)
    assert test.t == pytest.approx(0.02 / math.sqrt(1.125e-4))
    assert test.t == pytest.approx(1.8856, abs=1e-4)
    assert test.naive_t == pytest.approx(2.8284, abs=1e-4)
    assert test.p_value == pytest.approx(2 * stats.t.sf(1.8856180831641267, df=4))
    assert test.p_value == pytest.approx(0.1325, abs=1e-3)  # t table, 4 df
    assert test.splits == 5
    assert test.test_train_ratio == pytest.approx(0.25)
    assert not test.significant()


def test_naive_part_matches_scipy_paired_ttest(solution):
    mod = solution("level3.compare")
    rng = np.random.default_rng(0)
    a = rng.normal(0.9, 0.02, 15)
    b = a - rng.normal(0.01, 0.01, 15)
    test = mod.corrected_resampled_ttest(a, b, n_train=400, n_test=100)
    oracle = stats.ttest_rel(a, b)
    assert test.naive_t == pytest.approx(oracle.statistic)
    assert test.naive_p_value == pytest.approx(oracle.pvalue)
    assert abs(test.t) < abs(test.naive_t)
    assert test.p_value > test.naive_p_value


def test_identical_differences_do_not_divide_by_zero(solution):
    mod = solution("level3.compare")
    same = mod.corrected_resampled_ttest([0.9, 0.8], [0.9, 0.8], 10, 5)
    assert (same.t, same.p_value) == (0.0, 1.0)
    shifted = mod.corrected_resampled_ttest([0.5, 0.25], [0.25, 0.0], 10, 5)
    assert shifted.t == math.inf
    assert shifted.p_value == 0.0


@pytest.mark.parametrize(
    ("a", "b", "n_train", "n_test", "message"),
    [
        ([0.9], [0.8], 10, 5, "at least 2"),
        ([0.9, 0.8], [0.8], 10, 5, "equal-length"),
        ([0.9, 0.8], [0.8, 0.7], 0, 5, "positive"),
    ],
)
def test_bad_input_is_refused(solution, a, b, n_train, n_test, message):
    mod = solution("level3.compare")
    with pytest.raises(ValueError, match=message):
        mod.corrected_resampled_ttest(a, b, n_train, n_test)


scores = st.lists(st.floats(0, 1, allow_nan=False), min_size=2, max_size=30)


@given(scores, st.integers(1, 1000), st.integers(1, 1000), st.integers(0, 2**32 - 1))
def test_correction_never_makes_a_difference_more_significant(values, n_train, n_test, seed):
    from level3.compare import corrected_resampled_ttest

    other = np.random.default_rng(seed).permutation(values)
    test = corrected_resampled_ttest(values, other, n_train, n_test)
    assert abs(test.t) <= abs(test.naive_t)
    assert test.p_value >= test.naive_p_value
    assert 0.0 <= test.p_value <= 1.0
    swapped = corrected_resampled_ttest(other, values, n_train, n_test)
    assert swapped.t == pytest.approx(-test.t)
    assert swapped.p_value == pytest.approx(test.p_value)

"""Is the best model really better? The corrected resampled t-test of Nadeau and Bengio (2003).

Repeated k-fold cross-validation gives J = k x r paired scores: model A and model B
are scored on the same test fold each time, and we look at the differences
``d_j = a_j - b_j``. The textbook paired t-test would use

    t = mean(d) / sqrt(var(d) / J)

but that assumes the J differences are independent. They are not: any two training
sets of k-fold CV share (k-2)/(k-1) of their rows, and the repetitions reuse the same
rows again, so the differences are positively correlated. ``var(d) / J`` then
underestimates how much ``mean(d)`` wobbles, and the naive test calls far too many
differences "significant" (its type I error is well above the nominal 5%). Nadeau and
Bengio replace ``1/J`` with ``1/J + n_test/n_train``: the extra term accounts for the
correlation caused by overlapping training sets and does not shrink as J grows, so
adding repetitions can no longer manufacture significance.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from scipy import stats

__all__ = ["PairedTest", "corrected_resampled_ttest"]


@dataclass(frozen=True)
class PairedTest:
    """The corrected test (``t``, ``p_value``) and, for contrast, the naive one."""

    model_a: str
    model_b: str
    mean_difference: float  # mean of a - b over the J splits
    t: float
    p_value: float  # two-sided, J - 1 degrees of freedom
    naive_t: float
    naive_p_value: float
    splits: int
    test_train_ratio: float

    def significant(self, alpha: float = 0.05) -> bool:
        """Whether the corrected test rejects "equally good" at level ``alpha``."""
        return self.p_value < alpha

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "significant_at_0.05": self.significant()}


def _t_and_p(mean: float, variance_of_mean: float, df: int) -> tuple[float, float]:
    if variance_of_mean == 0.0:  # identical differences on every split
        return (0.0, 1.0) if mean == 0.0 else (math.copysign(math.inf, mean), 0.0)
    t = mean / math.sqrt(variance_of_mean)
    return t, float(2 * stats.t.sf(abs(t), df))


def corrected_resampled_ttest(
    scores_a: Any,
    scores_b: Any,
    n_train: int,
    n_test: int,
    model_a: str = "a",
    model_b: str = "b",
) -> PairedTest:
    """Compare two models' scores on the same J resampled splits (J >= 2).

    ``n_train`` and ``n_test`` are the sizes of one split's training and test parts
    (for k-fold CV, ``n_test / n_train`` is about ``1 / (k - 1)``).
    """
    a = np.asarray(scores_a, dtype=float)
    b = np.asarray(scores_b, dtype=float)
    if a.shape != b.shape or a.ndim != 1:
        raise ValueError(f"need two equal-length score lists, got shapes {a.shape} and {b.shape}")
    if len(a) < 2:
        raise ValueError("need at least 2 paired scores")
    if n_train <= 0 or n_test <= 0:
        raise ValueError("n_train and n_test must be positive")
    differences = a - b
    splits = len(differences)
    mean = float(differences.mean())
    variance = float(differences.var(ddof=1))
    ratio = n_test / n_train
    t, p = _t_and_p(mean, (1 / splits + ratio) * variance, splits - 1)
    naive_t, naive_p = _t_and_p(mean, variance / splits, splits - 1)
    return PairedTest(model_a, model_b, mean, t, p, naive_t, naive_p, splits, ratio)

"""Over- and underfitting, measured: a validation curve, a learning curve, the train-CV gap.

* The **validation curve** scores one setting at many regularisation strengths (``C`` or
  ``alpha``) on the training folds and on the CV folds. Too strong a penalty and both
  scores are low (underfitting); too weak and the training score runs away from CV.
* The **learning curve** scores the setting on growing shares of the training part. A
  CV score still climbing at full size says more data would help.
* The **gap** between the training and CV score at full size is the number to watch:
  a model that scores far better on the rows it was trained on than on the rows it was
  not is memorising (high variance); one that scores badly on both cannot express the
  pattern (high bias).

:func:`diagnose` turns those numbers into the paragraph the CLI prints. It works for any
scikit-learn classifier, which is how the tests check it: a 1-nearest-neighbour model on
noisy labels must be called high variance, a heavily regularised one high bias.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from sklearn.model_selection import learning_curve, validation_curve

from level4.tuning.methods import SCORING

__all__ = ["Curve", "Diagnosis", "diagnose", "learning", "validation"]

GAP_LIMIT = 0.05  # train - CV above this: the model does much better on what it has seen
BIAS_LIMIT = 0.8  # a training MCC below this: the model cannot fit even its own data


@dataclass(frozen=True)
class Curve:
    """Mean training and CV scores (and their spread over folds) at each x."""

    name: str
    x: list[float]
    train: list[float]
    cv: list[float]
    cv_std: list[float]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _curve(name: str, x: Any, train: np.ndarray, test: np.ndarray) -> Curve:
    return Curve(
        name,
        [float(v) for v in x],
        train.mean(axis=1).tolist(),
        test.mean(axis=1).tolist(),
        test.std(axis=1).tolist(),
    )


def validation(
    estimator: Any, texts: Any, labels: Any, param: str, values: Any, cv: Any, n_jobs: Any = None
) -> Curve:
    """Training and CV MCC of ``estimator`` at each value of ``param``."""
    train, test = validation_curve(
        estimator,
        texts,
        labels,
        param_name=param,
        param_range=values,
        cv=cv,
        scoring=SCORING,
        n_jobs=n_jobs,
    )
    return _curve(param, values, train, test)


def learning(
    estimator: Any, texts: Any, labels: Any, cv: Any, sizes: Any = None, n_jobs: Any = None
) -> Curve:
    """Training and CV MCC of ``estimator`` trained on growing shares of the rows."""
    shares = np.linspace(0.2, 1.0, 5) if sizes is None else sizes
    used, train, test = learning_curve(
        estimator,
        texts,
        labels,
        train_sizes=shares,
        cv=cv,
        scoring=SCORING,
        n_jobs=n_jobs,
        shuffle=True,
        random_state=0,
    )
    return _curve("training messages", used, train, test)


@dataclass(frozen=True)
class Diagnosis:
    """The verdict (``high variance``, ``high bias``, both, or ``good fit``) and why."""

    verdict: str
    train: float
    cv: float
    gap: float
    still_learning: bool
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def diagnose(
    curve: Curve, gap_limit: float = GAP_LIMIT, bias_limit: float = BIAS_LIMIT
) -> Diagnosis:
    """Read a learning curve: the gap at full size, the training score, the CV trend."""
    train, cv = curve.train[-1], curve.cv[-1]
    gap = train - cv
    rising = len(curve.cv) > 1 and curve.cv[-1] - curve.cv[-2] > max(0.005, curve.cv_std[-1] / 2)
    variance, bias = gap > gap_limit, train < bias_limit
    more_data = (
        "the CV score is still rising with more training data, so more data should help"
        if rising
        else "the CV score has levelled off, so more of the same data will help little"
    )
    parts = []
    if variance:
        parts.append(
            f"high variance: the model scores MCC {train:.3f} on the rows it was trained on but "
            f"{cv:.3f} on held-out folds, a gap of {gap:.3f}; it memorises its training data. "
            f"Regularise more (smaller C, larger alpha, fewer features), or get more data; "
            f"{more_data}."
        )
    if bias:
        parts.append(
            f"high bias: even on its own training rows the model reaches only MCC {train:.3f} "
            f"(CV {cv:.3f}); it is too simple or too constrained to fit the pattern. Regularise "
            f"less (larger C, smaller alpha) or give it richer features; more data will not fix it."
        )
    if not parts:
        parts.append(
            f"good fit: training MCC {train:.3f} against CV {cv:.3f}, a gap of {gap:.3f} "
            f"(under {gap_limit}); {more_data}."
        )
    verdict = " and ".join(
        name for name, flag in (("high variance", variance), ("high bias", bias)) if flag
    )
    return Diagnosis(verdict or "good fit", train, cv, gap, rising, " ".join(parts))

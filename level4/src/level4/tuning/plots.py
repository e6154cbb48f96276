"""Pictures: best CV score against fits spent, ROC and precision-recall curves, fitting curves."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from sklearn.metrics import precision_recall_curve, roc_curve

from level0.atomic import atomic_open

if TYPE_CHECKING:
    from level4.tuning.diagnose import Curve
    from level4.tuning.methods import SearchResult

__all__ = ["plot_curves", "plot_fitting", "plot_progress"]


def _save(figure: Any, path: Path) -> Path:
    figure.tight_layout()
    with atomic_open(path, "wb") as handle:
        figure.savefig(handle, format="png", dpi=110)
    plt.close(figure)
    return path


def plot_progress(results: Sequence[SearchResult], path: Path, title: str) -> Path:
    """Best CV MCC so far against fits spent, one step line per method."""
    figure, axes = plt.subplots(figsize=(8, 4.8))
    lows, highs = [], []
    for result in results:
        spent, best = result.curve()
        shown = np.isfinite(best)
        lows.append(best[shown].min())
        highs.append(best[shown].max())
        axes.step(
            spent[shown], best[shown], where="post", label=f"{result.method} ({result.fits} fits)"
        )
    top = max(highs)
    bottom = max(min(lows), top - 0.08)  # zoom on the race; a bad first trial may start below
    axes.set_ylim(bottom - 0.005, top + 0.005)
    axes.set_title(title)
    axes.set_xlabel("fits spent (one pipeline trained on one CV fold)")
    axes.set_ylabel("best cross-validated MCC so far")
    axes.grid(alpha=0.3)
    axes.legend(loc="lower right")
    return _save(figure, path)


def plot_curves(
    labels: np.ndarray,
    scores: np.ndarray,
    threshold: float,
    folder: Path,
    title: str,
    prefix: str = "",
) -> list[Path]:
    """ROC and precision-recall curves of held-out scores, the threshold's point marked."""
    is_spam = np.asarray(labels) == "spam"
    flagged = np.asarray(scores) >= threshold
    caught = (flagged & is_spam).sum() / is_spam.sum()
    blocked = (flagged & ~is_spam).sum() / (~is_spam).sum()
    precision_at = (flagged & is_spam).sum() / max(flagged.sum(), 1)
    point = f"threshold {threshold:.3f}"

    figure, axes = plt.subplots(figsize=(6, 5))
    fpr, tpr, _ = roc_curve(is_spam, scores)
    axes.plot(fpr, tpr, label="ROC curve")
    axes.plot([0, 1], [0, 1], linestyle=":", color="grey", label="chance")
    axes.plot(
        blocked,
        caught,
        "o",
        color="black",
        label=f"{point}: {caught:.1%} caught, {blocked:.2%} ham blocked",
    )
    axes.set_xscale("symlog", linthresh=0.01)
    axes.set_xlabel("false positive rate (share of ham blocked; symlog scale)")
    axes.set_ylabel("true positive rate (share of spam caught)")
    axes.set_title(f"ROC, {title}")
    axes.legend(loc="lower right", fontsize=8)
    roc = _save(figure, folder / f"{prefix}roc.png")

    figure, axes = plt.subplots(figsize=(6, 5))
    precision, recall, _ = precision_recall_curve(is_spam, scores)
    axes.plot(recall, precision, label="precision-recall curve")
    axes.axhline(is_spam.mean(), linestyle=":", color="grey", label="chance (spam share)")
    axes.plot(
        caught, precision_at, "o", color="black", label=f"{point}: precision {precision_at:.3f}"
    )
    axes.set_xlabel("recall (share of spam caught)")
    axes.set_ylabel("precision (share of flagged that is spam)")
    axes.set_title(f"Precision-recall, {title}")
    axes.legend(loc="lower left", fontsize=8)
    return [roc, _save(figure, folder / f"{prefix}precision_recall.png")]


def plot_fitting(validation: Curve, learning: Curve, path: Path, title: str) -> Path:
    """The validation curve (left, log x) and the learning curve (right), train and CV MCC."""
    figure, (left, right) = plt.subplots(1, 2, figsize=(11, 4.5))
    for axes, curve, log in ((left, validation, True), (right, learning, False)):
        x, cv, spread = np.array(curve.x), np.array(curve.cv), np.array(curve.cv_std)
        axes.plot(x, curve.train, "o-", label="training folds")
        axes.plot(x, cv, "o-", label="CV folds")
        axes.fill_between(x, cv - spread, cv + spread, alpha=0.2)
        if log:
            axes.set_xscale("log")
        axes.set_ylabel("MCC")
        axes.grid(alpha=0.3)
        axes.legend(loc="lower right")
    knob = validation.name.removeprefix("classifier__")
    meaning = "larger C = weaker penalty" if knob == "C" else "larger alpha = more smoothing"
    left.set_xlabel(f"{knob} (log scale; {meaning})")
    left.set_title("validation curve")
    right.set_xlabel("training messages")
    right.set_title("learning curve")
    figure.suptitle(title)
    return _save(figure, path)

"""The held-out report: level 1's figures plus F1, ROC AUC and PR AUC, and the curves.

Accuracy, spam caught, blocked ham, MCC and the confusion matrix come from level 1's
:func:`~level1.spam.metrics.spam_report`. Three more figures, from scikit-learn:

* **F1** of the spam class: the harmonic mean of precision and recall at the threshold;
* **ROC AUC**: the chance that a random spam scores above a random ham (threshold-free);
* **PR AUC** (average precision): the area under precision against recall, which
  unlike ROC AUC drops when a few ham score high, as a rare-positive task needs.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score

from level1.spam.metrics import SpamReport, format_report, spam_report

__all__ = ["HeldOut", "format_heldout", "heldout_report"]


@dataclass(frozen=True)
class HeldOut:
    """Level 1's report on the held-out split, with F1, ROC AUC and PR AUC of the scores."""

    report: SpamReport
    f1: float
    roc_auc: float
    pr_auc: float
    threshold: float

    def to_dict(self) -> dict[str, Any]:
        return {**self.report.to_dict(), **{k: v for k, v in asdict(self).items() if k != "report"}}


def heldout_report(
    labels: np.ndarray, predicted: np.ndarray, scores: np.ndarray, threshold: float
) -> HeldOut:
    """Score predictions (labels "ham"/"spam") and the scores the threshold was applied to."""
    is_spam = np.asarray(labels) == "spam"
    return HeldOut(
        report=spam_report(labels, predicted),
        f1=float(f1_score(labels, predicted, pos_label="spam")),
        roc_auc=float(roc_auc_score(is_spam, scores)),
        pr_auc=float(average_precision_score(is_spam, scores)),
        threshold=threshold,
    )


def format_heldout(result: HeldOut, title: str) -> str:
    """Level 1's report text, then the three threshold-free or spam-class figures."""
    return "\n".join(
        [
            format_report(result.report, title),
            "",
            f"  F1 (spam)     {result.f1:.4f}",
            f"  ROC AUC       {result.roc_auc:.4f}",
            f"  PR AUC        {result.pr_auc:.4f}   (average precision)",
            f"  threshold     {result.threshold:.4f}   (chosen on out-of-fold training scores)",
        ]
    )

"""Evaluation: accuracy, spam caught, blocked ham, MCC and the confusion matrix.

About 87% of SMS messages are ham, so a "filter" that lets everything through scores
87% accuracy while catching no spam at all. The report therefore leads with the two
numbers a user feels: how much spam is caught (recall of the spam class) and how much
real mail is wrongly blocked (the false positive rate), plus the Matthews correlation
coefficient (MCC), one number that stays near 0 for a useless filter whatever the mix.

Everything is computed from the four counts of the confusion matrix, so the formulas
are visible here; the tests check them against scikit-learn's own functions.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from sklearn.metrics import confusion_matrix

__all__ = ["SpamReport", "format_confusion", "format_report", "spam_report"]


@dataclass(frozen=True)
class SpamReport:
    """How a filter did on labelled messages; ``confusion`` is [[TN, FP], [FN, TP]]."""

    accuracy: float
    spam_caught: float
    blocked_ham: float
    mcc: float
    confusion: list[list[int]]

    @property
    def messages(self) -> int:
        return sum(map(sum, self.confusion))

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "messages": self.messages}


def spam_report(
    truth: Sequence[str] | np.ndarray, predicted: Sequence[str] | np.ndarray
) -> SpamReport:
    """Score "ham"/"spam" predictions against the truth."""
    if len(truth) == 0:
        raise ValueError("no messages to score")
    matrix = confusion_matrix(truth, predicted, labels=["ham", "spam"])
    tn, fp, fn, tp = (int(count) for count in matrix.ravel())
    total = tn + fp + fn + tp
    denominator = math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
    return SpamReport(
        accuracy=(tp + tn) / total,
        spam_caught=tp / (tp + fn) if tp + fn else 0.0,
        blocked_ham=fp / (fp + tn) if fp + tn else 0.0,
        mcc=(tp * tn - fp * fn) / denominator if denominator else 0.0,
        confusion=[[tn, fp], [fn, tp]],
    )


def format_confusion(labels: Sequence[str], matrix: Sequence[Sequence[int]]) -> str:
    """A confusion matrix as a small table: one row per true label, one column per prediction."""
    header = ["", *(f"predicted {label}" for label in labels)]
    rows = [
        [f"actual {label}", *map(str, counts)] for label, counts in zip(labels, matrix, strict=True)
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in [header, *rows]
    ]
    return "\n".join(line.rstrip() for line in lines)


def format_report(report: SpamReport, title: str) -> str:
    """The report as text: the four figures, then the confusion matrix."""
    return "\n".join(
        [
            f"{title} ({report.messages} messages)",
            f"  accuracy      {report.accuracy:.4f}",
            f"  spam caught   {report.spam_caught:.4f}   (recall of spam)",
            f"  blocked ham   {report.blocked_ham:.4%}  (false positive rate)",
            f"  MCC           {report.mcc:.4f}",
            "",
            format_confusion(["ham", "spam"], report.confusion),
        ]
    )

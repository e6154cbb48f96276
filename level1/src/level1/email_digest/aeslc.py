"""The AESLC evaluation: human-written subject lines as references for the one-line summary.

An AESLC file ends with three annotations (``@ann0``, ``@ann1``, ``@ann2``), subject lines
written by people who read the email. They are the references, so they are read only
here, never by the reader in ``message.py`` that feeds the summariser.

Scores are reported two ways per email, then averaged over emails: the best of the three
references (``max``, as rouge-score's ``score_multi`` does) and their mean (``mean``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from level1.email_digest.rouge import RougeScore, rouge

__all__ = ["Example", "load_split", "references", "score_summaries"]

_ANNOTATION = re.compile(r"^@ann(\d+)[ \t]*$", re.MULTILINE)


def references(text: str) -> list[str]:
    """The annotated subject lines of one AESLC file's text, in order."""
    markers = list(_ANNOTATION.finditer(text))
    refs = []
    for marker, following in zip(markers, [*markers[1:], None], strict=True):
        end = following.start() if following is not None else len(text)
        refs.append(" ".join(text[marker.end() : end].split()))
    return [r for r in refs if r]


@dataclass(frozen=True)
class Example:
    """One AESLC file and its references."""

    path: Path
    references: list[str]


def load_split(folder: Path, limit: int | None = None, every: int = 1) -> list[Example]:
    """The ``*.subject`` files of one split folder, sorted by name: every ``every``-th one
    (a spread over all mailboxes), then the first ``limit`` of those."""
    paths = sorted(folder.glob("*.subject"))[::every][:limit]
    return [Example(p, references(p.read_text(encoding="utf-8"))) for p in paths]


Scorer = Callable[[str, str], dict[str, RougeScore]]


def score_summaries(
    summaries: Sequence[str], examples: Sequence[Example], scorer: Scorer = rouge
) -> dict[str, dict[str, float]]:
    """Mean ROUGE F1 over emails, ``{"max": {"rouge1": ...}, "mean": {...}}``."""
    totals = {"max": dict.fromkeys(("rouge1", "rouge2", "rougeL"), 0.0)}
    totals["mean"] = dict(totals["max"])
    for summary, example in zip(summaries, examples, strict=True):
        per_reference = [scorer(summary, reference) for reference in example.references]
        for key in totals["max"]:
            values = [score[key].fmeasure for score in per_reference] or [0.0]
            totals["max"][key] += max(values)
            totals["mean"][key] += sum(values) / len(values)
    count = max(len(examples), 1)
    return {
        how: {key: value / count for key, value in keys.items()} for how, keys in totals.items()
    }

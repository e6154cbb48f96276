"""Behavioural tests of text classifiers in the CheckList style (Ribeiro et al., ACL 2020).

Accuracy on a test split says how often a model is right, not *what* it can do.
CheckList tests capabilities with three kinds of test, each made of many small cases:

* **Minimum functionality (MFT)**: simple texts with an obvious label; a case fails when
  the model gets it wrong ("WINNER! Claim your prize" must be spam).
* **Invariance (INV)**: a change that should not matter (a typo, another person's name,
  different punctuation); a case fails when the predicted label changes.
* **Directional expectation (DIR)**: a change that should move the score one way only
  (adding "Txt WIN to claim" must not make a message look *less* like spam); a case fails
  when the score moves the other way by more than a tolerance.

A check's result is its failure rate over its cases. The model is anything with
``predict(texts) -> labels`` and ``score(texts) -> score of the positive class``
(:class:`TextModel`); the perturbations are seeded, so a run is reproducible.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

__all__ = [
    "KINDS",
    "CheckResult",
    "Directional",
    "Invariance",
    "MinimumFunctionality",
    "TextModel",
    "add_typo",
    "change_punctuation",
    "fill_template",
    "run_check",
    "swap_names",
]

KINDS = ("MFT", "INV", "DIR")
FIRST_NAMES = (
    "John",
    "Mary",
    "Ahmed",
    "Priya",
    "Chen",
    "Olga",
    "Kwame",
    "Lucia",
    "Tom",
    "Aisha",
    "Hiroshi",
    "Emma",
    "Carlos",
    "Fatima",
    "Ivan",
    "Grace",
)
Perturb = Callable[[str, random.Random], str]


class TextModel(Protocol):
    """What a behavioural check needs from a model."""

    def predict(self, texts: Sequence[str]) -> np.ndarray: ...

    def score(self, texts: Sequence[str]) -> np.ndarray: ...


# --- perturbations ---------------------------------------------------------------------


def add_typo(text: str, rng: random.Random) -> str:
    """Swap two neighbouring letters inside one word of four letters or more."""
    words = list(re.finditer(r"[A-Za-z]{4,}", text))
    if not words:
        return text
    word = rng.choice(words)
    i = rng.randrange(word.start() + 1, word.end() - 2)  # keep the first letter
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :]


def swap_names(text: str, rng: random.Random, names: Sequence[str] = FIRST_NAMES) -> str:
    """Replace every first name from ``names`` found in ``text`` by another one."""
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b")
    return pattern.sub(lambda m: rng.choice([n for n in names if n != m.group(1)]), text)


def change_punctuation(text: str, rng: random.Random) -> str:
    """Drop the final punctuation, or add a full stop or an exclamation mark."""
    stripped = text.rstrip(" .!?")
    if stripped != text.rstrip():
        return stripped
    return stripped + rng.choice([".", "!", "!!"])


def fill_template(template: str, rng: random.Random, **slots: Sequence[str]) -> str:
    """``"Hi {name}"`` with ``name`` drawn from its list of choices."""
    return template.format(**{key: rng.choice(list(values)) for key, values in slots.items()})


# --- the three kinds of check ---------------------------------------------------------------


@dataclass(frozen=True)
class MinimumFunctionality:
    """Every text should get ``label``."""

    name: str
    texts: Sequence[str]
    label: str
    kind: str = field(default="MFT", init=False)


@dataclass(frozen=True)
class Invariance:
    """``perturb`` should not change any text's predicted label."""

    name: str
    texts: Sequence[str]
    perturb: Perturb
    copies: int = 1  # perturbed versions per text
    kind: str = field(default="INV", init=False)


@dataclass(frozen=True)
class Directional:
    """``perturb`` should move the positive-class score by ``direction`` (+1 up, -1 down),
    or not at all; moving the other way by more than ``tolerance`` is a failure."""

    name: str
    texts: Sequence[str]
    perturb: Perturb
    direction: int = 1
    tolerance: float = 0.0
    kind: str = field(default="DIR", init=False)


Check = MinimumFunctionality | Invariance | Directional


@dataclass(frozen=True)
class CheckResult:
    """How many cases a check ran, how many failed, and a few failing examples."""

    name: str
    kind: str
    cases: int
    failures: int
    examples: list[dict[str, Any]]

    @property
    def failure_rate(self) -> float:
        return self.failures / self.cases if self.cases else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "cases": self.cases,
            "failures": self.failures,
            "failure_rate": self.failure_rate,
            "examples": self.examples,
        }

    def __str__(self) -> str:
        return f"{self.kind} {self.name}: {self.failures}/{self.cases} failed ({self.failure_rate:.1%})"


def run_check(check: Check, model: TextModel, *, seed: int = 0, show: int = 3) -> CheckResult:
    """Run one check against ``model``; the perturbations draw from ``random.Random(seed)``."""
    rng = random.Random(seed)
    texts = list(check.texts)
    if isinstance(check, MinimumFunctionality):
        predicted = model.predict(texts)
        failed: list[dict[str, Any]] = [
            {"text": t, "predicted": str(p), "expected": check.label}
            for t, p in zip(texts, predicted, strict=True)
            if str(p) != check.label
        ]
        return CheckResult(check.name, check.kind, len(texts), len(failed), failed[:show])
    if isinstance(check, Invariance):
        originals = [t for t in texts for _ in range(check.copies)]
        changed = [check.perturb(t, rng) for t in originals]
        pairs = [
            (a, b) for a, b in zip(originals, changed, strict=True) if a != b
        ]  # a no-op tests nothing
        if not pairs:
            return CheckResult(check.name, check.kind, 0, 0, [])
        before = model.predict([a for a, _ in pairs])
        after = model.predict([b for _, b in pairs])
        failed = [
            {"text": a, "perturbed": b, "before": str(x), "after": str(y)}
            for (a, b), x, y in zip(pairs, before, after, strict=True)
            if x != y
        ]
        return CheckResult(check.name, check.kind, len(pairs), len(failed), failed[:show])
    changed = [check.perturb(t, rng) for t in texts]
    before, after = model.score(texts), model.score(changed)
    moved = (np.asarray(after) - np.asarray(before)) * check.direction
    failed = [
        {"text": a, "perturbed": b, "score_before": float(x), "score_after": float(y)}
        for a, b, x, y, m in zip(texts, changed, before, after, moved, strict=True)
        if m < -check.tolerance
    ]
    return CheckResult(check.name, check.kind, len(texts), len(failed), failed[:show])

"""CLINC150 through the registry: the six splits as (texts, intents) and the domain of each intent.

``data_full.json`` is one JSON object: ``train``/``val``/``test`` hold in-scope
``[text, intent]`` pairs (100/20/30 per intent), ``oos_train``/``oos_val``/``oos_test``
the out-of-scope queries (100/100/1,000) with the intent ``"oos"``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

__all__ = ["OOS", "Clinc", "Split", "intent_words", "load_clinc"]

OOS = "oos"


@dataclass(frozen=True)
class Split:
    """Parallel lists of texts and their intents."""

    texts: list[str]
    intents: list[str]

    def __add__(self, other: Split) -> Split:
        return Split(self.texts + other.texts, self.intents + other.intents)

    def __len__(self) -> int:
        return len(self.texts)

    def without(self, intent: str) -> Split:
        """The examples of every other intent."""
        kept = [(t, i) for t, i in zip(self.texts, self.intents, strict=True) if i != intent]
        return Split([t for t, _ in kept], [i for _, i in kept])

    def per_intent(self, limit: int) -> Split:
        """The first ``limit`` examples of each intent (a smaller training set for tests)."""
        seen: dict[str, int] = {}
        texts, intents = [], []
        for text, intent in zip(self.texts, self.intents, strict=True):
            seen[intent] = seen.get(intent, 0) + 1
            if seen[intent] <= limit:
                texts.append(text)
                intents.append(intent)
        return Split(texts, intents)


@dataclass(frozen=True)
class Clinc:
    """The in-scope and out-of-scope splits, the domains, and the data file's sha256."""

    splits: dict[str, Split]  # train, val, test, oos_train, oos_val, oos_test
    domains: dict[str, str]  # intent -> domain
    sha256: str

    def split(self, name: str, *, with_oos: bool = True) -> Split:
        """``train``, ``val`` or ``test``, with its out-of-scope part appended unless told not to."""
        part = self.splits[name]
        return part + self.splits[f"oos_{name}"] if with_oos else part


def load_clinc(folder: Path | None = None) -> Clinc:
    """Read CLINC150 from ``folder`` (default: the registry's ``clinc150``, fetched if needed)."""
    if folder is None:
        from level0 import datasets

        folder = datasets.locate("clinc150")
    raw = (folder / "data_full.json").read_bytes()
    document = json.loads(raw)
    splits = {
        name: Split([text for text, _ in pairs], [intent for _, intent in pairs])
        for name, pairs in document.items()
    }
    domains_by_name = json.loads((folder / "domains.json").read_text(encoding="utf-8"))
    domains = {intent: domain for domain, names in domains_by_name.items() for intent in names}
    return Clinc(splits, domains, hashlib.sha256(raw).hexdigest())


def intent_words(intent: str) -> str:
    """``"todo_list_update"`` -> ``"todo list update"``: an intent name a person can read."""
    return intent.replace("_", " ")

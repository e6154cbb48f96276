"""The intent model on disk (level1.modelstore), and as the bot's understanding component.

A model folder holds one skops file with both pipelines (they share one fitted feature
union, stored once) and ``metadata.json`` with the data's sha256, C, the thresholds,
the confidence calibration, the intents' domains and the validation figures.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from level5.chatbot.data import Clinc
from level5.chatbot.dialogue import Bot, Understanding
from level5.chatbot.entities import extract_entities

__all__ = ["MODES", "TOOL", "IntentModel", "evaluate", "load_bot", "save_model"]

TOOL = "level5.chatbot"
MODES = ("oos_class", "threshold", "combined")


def save_model(trained: Any, folder: Path, data: Clinc) -> Path:
    """Write a :class:`~level5.chatbot.intents.TrainedIntents` to ``folder``, atomically."""
    from level1 import modelstore

    extra = {
        "C": trained.c,
        "threshold": trained.threshold,
        "in_scope_threshold": trained.in_scope_threshold,
        "confidence": list(trained.confidence),
        "train_size": trained.train_size,
        "search": trained.search,
        "domains": data.domains,
    }
    return modelstore.save(
        {"oos_class": trained.oos_class, "in_scope": trained.in_scope},
        folder,
        tool=TOOL,
        metrics={"validation": trained.validation},
        data_sha256=data.sha256,
        extra=extra,
    )


class IntentModel:
    """A saved model folder, loaded: classifies texts and understands a chat turn.

    ``understand`` is the bot's understanding interface
    (:class:`~level5.chatbot.dialogue.Understander`): the intent (``"oos"`` when out of
    scope), a confidence (the calibrated probability that the best in-scope intent is
    right) and the entities of the text.
    """

    def __init__(self, folder: str | Path) -> None:
        from level1 import modelstore

        saved = modelstore.load(folder, tool=TOOL)
        models, extra = saved.model, saved.metadata.get("extra", {})
        if not isinstance(models, dict) or set(models) != {"oos_class", "in_scope"}:
            raise modelstore.ModelError(f"{folder} does not hold the chatbot's two pipelines")
        self.folder = Path(folder)
        self.metadata = saved.metadata
        self.oos_class, self.in_scope = models["oos_class"], models["in_scope"]
        self.threshold = float(extra["threshold"])
        self.in_scope_threshold = float(extra["in_scope_threshold"])
        self.slope, self.intercept = (float(v) for v in extra["confidence"])
        self.domains: dict[str, str] = dict(extra.get("domains", {}))
        self.data_sha256 = saved.metadata.get("data_sha256")

    def confidence(self, score: float) -> float:
        """P(the best in-scope intent is right), from its score (fitted on validation)."""
        z = self.slope * score + self.intercept
        return 1 / (1 + math.exp(-z)) if z > -700 else 0.0

    def classify(self, texts: list[str], mode: str = "combined") -> list[str]:
        """The intent of each text under one of ``MODES``."""
        return self.classify_all(texts, modes=(mode,))[mode]

    def classify_all(
        self, texts: list[str], modes: tuple[str, ...] = MODES
    ) -> dict[str, list[str]]:
        """The intents under each of ``modes``, scoring each text once per pipeline."""
        from level5.chatbot.intents import scores

        decided = {}
        if "threshold" in modes:
            decided["threshold"] = scores(self.in_scope, texts).decide(self.in_scope_threshold)
        if {"oos_class", "combined"} & set(modes):
            scored = scores(self.oos_class, texts)
            decided |= {"oos_class": scored.decide(None), "combined": scored.decide(self.threshold)}
        return {mode: list(decided[mode]) for mode in modes}

    def understand(self, text: str, now: datetime) -> Understanding:
        from level5.chatbot.intents import scores

        scored = scores(self.oos_class, [text])
        intent = str(scored.decide(self.threshold)[0])
        return Understanding(
            intent=intent,
            confidence=round(self.confidence(float(scored.top[0])), 4),
            entities=extract_entities(text, now),
            domain=self.domains.get(intent, ""),
        )


def evaluate(model: IntentModel, data: Clinc) -> dict[str, dict[str, float]]:
    """The test split's figures for each mode (4,500 in-scope + 1,000 out-of-scope queries)."""
    from level5.chatbot.intents import metrics

    if model.data_sha256 not in (None, data.sha256):
        raise ValueError(
            f"{model.folder} was trained on other data (sha256 {str(model.data_sha256)[:12]}...)"
        )
    test = data.split("test")
    decided = model.classify_all(test.texts)
    return {mode: metrics(decided[mode], test.intents) for mode in MODES}


def load_bot(
    folder: str | Path,
    *,
    weather_url: str | None,
    todo_path: Path,
    clock: Callable[[], datetime] = datetime.now,
) -> Bot:
    """The CLINC model in ``folder`` wired to the skills: the bot the CLI and the web chat use."""
    from level5.chatbot.skills import INTENT_SKILLS, make_skills

    skills = make_skills(weather_url=weather_url, todo_path=todo_path)
    return Bot(IntentModel(folder), skills, INTENT_SKILLS, clock=clock)

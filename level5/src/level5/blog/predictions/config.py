"""The plugin's one settings dict, ``BLOG_PREDICTIONS``, with its defaults filled in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DEFAULTS: dict[str, Any] = {
    "MODELS": "models",
    "SPAM": "spam",
    "SENTIMENT": "sentiment",
    "SPAM_THRESHOLD": None,
    "TAG_NEIGHBOURS": 5,
}


@dataclass(frozen=True)
class PredictionSettings:
    models: Path
    spam: str
    sentiment: str
    spam_threshold: float | None
    tag_neighbours: int

    @property
    def spam_folder(self) -> Path:
        return self.models / self.spam

    @property
    def sentiment_folder(self) -> Path:
        return self.models / self.sentiment


def current() -> PredictionSettings:
    """``settings.BLOG_PREDICTIONS`` read now (tests may override it)."""
    given = getattr(settings, "BLOG_PREDICTIONS", {})
    unknown = sorted(set(given) - set(DEFAULTS))
    if unknown:
        raise ImproperlyConfigured(f"BLOG_PREDICTIONS has unknown keys: {', '.join(unknown)}")
    merged = {**DEFAULTS, **given}
    threshold = merged["SPAM_THRESHOLD"]
    return PredictionSettings(
        models=Path(merged["MODELS"]),
        spam=str(merged["SPAM"]),
        sentiment=str(merged["SENTIMENT"]),
        spam_threshold=None if threshold is None else float(threshold),
        tag_neighbours=int(merged["TAG_NEIGHBOURS"]),
    )

"""Ask the models about comments, and decide: publish, or hold for a moderator.

The models come from level 5's model folder through ``level5.api.models.load_model``
(the API's own loader: metadata checked, skops loaded safely). A loaded model is kept
until its ``metadata.json`` changes, so a retrained model is picked up without a
restart. Any failure (no folder, a broken file, an error while predicting) becomes a
one-line reason on the comment's verdict, and the comment waits for review.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from level5.blog.posts.models import Comment
from level5.blog.predictions import config
from level5.blog.predictions.models import Verdict

if TYPE_CHECKING:
    from level5.api.models import ServedModel

SENTIMENT_NAMES = {"1": "positive", "0": "negative"}  # the UCI sentences' labels
MAX_REASON = 300


class Unavailable(Exception):
    """A model could not be loaded or asked; the message is one line."""


_cache: dict[Path, tuple[int, ServedModel]] = {}
_lock = threading.Lock()


def load(folder: Path) -> ServedModel:
    """The model in ``folder``, loaded once per version of its metadata file."""
    from level1.modelstore import METADATA_FILE, ModelError
    from level5.api.models import load_model

    try:
        stamp = (folder / METADATA_FILE).stat().st_mtime_ns
    except OSError as exc:
        raise Unavailable(f"{folder} holds no model ({exc.strerror})") from None
    with _lock:
        cached = _cache.get(folder)
        if cached and cached[0] == stamp:
            return cached[1]
        try:
            served = load_model(folder)
        except (ModelError, OSError, ValueError) as exc:
            raise Unavailable(str(exc)) from None
        _cache[folder] = (stamp, served)
        return served


def require_models() -> None:
    """Raise :class:`Unavailable` unless both models load (a rescore must not wipe verdicts)."""
    wanted = config.current()
    for role, folder in (("spam", wanted.spam_folder), ("sentiment", wanted.sentiment_folder)):
        try:
            load(folder)
        except Unavailable as exc:
            raise Unavailable(f"{role} model unavailable: {exc}") from None


def _ask(folder: Path, texts: Sequence[str]) -> list[dict[str, Any]]:
    from level5.api.models import MAX_TEXT, TextInput

    served = load(folder)
    try:
        items = [TextInput(text=text[:MAX_TEXT] or " ") for text in texts]
        return served.predict(items)
    except Exception as exc:  # a model that loads but cannot answer must not break the blog
        raise Unavailable(f"{type(exc).__name__}: {exc}") from None


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= MAX_REASON else line[: MAX_REASON - 3] + "..."


@dataclass
class Outcome:
    """What one scoring pass did, for the commands' reports."""

    scored: int = 0
    published: int = 0
    held: int = 0


def score(comments: Sequence[Comment], *, decide: bool = True) -> Outcome:
    """Store a verdict for each comment; with ``decide``, publish the pending ones the spam
    filter calls ham and leave spam (and anything unscored) pending.

    Published and rejected comments keep their status: a decision already taken (by the
    filter or a moderator) is not undone by a rescore.
    """
    wanted = config.current()
    texts = [c.body for c in comments]
    outcome = Outcome(scored=len(comments))
    spam: list[dict[str, Any]] | None = None
    sentiment: list[dict[str, Any]] | None = None
    reasons = []
    try:
        spam = _ask(wanted.spam_folder, texts)
    except Unavailable as exc:
        reasons.append(f"spam model unavailable: {exc}")
    try:
        sentiment = _ask(wanted.sentiment_folder, texts)
    except Unavailable as exc:
        reasons.append(f"sentiment model unavailable: {exc}")
    reason = _one_line("; ".join(reasons))
    used = _versions(wanted, spam is not None, sentiment is not None)
    with transaction.atomic():
        for i, comment in enumerate(comments):
            verdict = Verdict(comment=comment, reason=reason, models_used=used)
            if spam is not None:
                threshold = wanted.spam_threshold
                verdict.spam_score = spam[i]["score"]
                verdict.spam_threshold = spam[i]["threshold"] if threshold is None else threshold
                verdict.is_spam = verdict.spam_score >= verdict.spam_threshold
            if sentiment is not None:
                label = str(sentiment[i]["label"])
                verdict.sentiment = SENTIMENT_NAMES.get(label, label)
                verdict.sentiment_probability = sentiment[i]["probability"]
            Verdict.objects.update_or_create(
                comment=comment, defaults=_fields(verdict) | {"scored": timezone.now()}
            )
            if decide and comment.status == Comment.Status.PENDING and verdict.is_spam is False:
                comment.status = Comment.Status.PUBLISHED
                comment.save(update_fields=["status"])
            if comment.status == Comment.Status.PUBLISHED:
                outcome.published += 1
            elif comment.status == Comment.Status.PENDING:
                outcome.held += 1
    return outcome


def _fields(verdict: Verdict) -> dict[str, Any]:
    names = [f.name for f in Verdict._meta.concrete_fields if f.name not in {"id", "comment"}]
    return {name: getattr(verdict, name) for name in names}


def _versions(wanted: config.PredictionSettings, spam: bool, sentiment: bool) -> str:
    parts = []
    if spam:
        parts.append(f"{wanted.spam}@{load(wanted.spam_folder).version}")
    if sentiment:
        parts.append(f"{wanted.sentiment}@{load(wanted.sentiment_folder).version}")
    return ", ".join(parts)

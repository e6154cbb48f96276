"""The plugin's two receivers, connected in ``PredictionsConfig.ready``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from level5.blog.posts.hooks import Badge
from level5.blog.posts.models import Comment
from level5.blog.predictions.models import Verdict
from level5.blog.predictions.service import score


def moderate_new_comment(sender: type, instance: Comment, created: bool, **kwargs: Any) -> None:
    """A new comment: publish it if the spam filter calls it ham, otherwise hold it."""
    if created and not kwargs.get("raw"):  # raw: loaded from a fixture, leave as it is
        score([instance])


def sentiment_badges(
    sender: object, comments: Sequence[Comment], **kwargs: Any
) -> dict[int, Badge]:
    """A "positive"/"negative" badge for each comment the sentiment model has read."""
    verdicts = Verdict.objects.filter(comment__in=comments).exclude(sentiment="")
    return {
        v.comment_id: Badge(
            v.sentiment,
            v.sentiment if v.sentiment in {"positive", "negative"} else "neutral",
            f"sentiment model, probability {v.sentiment_probability:.2f}"
            if v.sentiment_probability is not None
            else "sentiment model",
        )
        for v in verdicts
    }

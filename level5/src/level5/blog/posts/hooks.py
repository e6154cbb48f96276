"""The blog's one extension point besides ``post_save``: badges next to comments.

A receiver of :data:`comment_badges` gets ``comments`` (a list of published
:class:`~.models.Comment`) and returns ``{comment_id: Badge}``; the page shows each
badge as a small label. With no receiver connected, comments simply have none.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from django.dispatch import Signal

logger = logging.getLogger(__name__)

comment_badges = Signal()


@dataclass(frozen=True)
class Badge:
    """A short label (``text``), its style (``kind``: a CSS class suffix) and a tooltip."""

    text: str
    kind: str
    title: str = ""


def badges_for(comments: Sequence[object]) -> dict[int, list[Badge]]:
    """Every connected receiver's badges for ``comments``, by comment id.

    A receiver that raises is skipped (and logged): a broken plugin costs its badges,
    never the page.
    """
    found: dict[int, list[Badge]] = {}
    for receiver, answer in comment_badges.send_robust(sender=None, comments=list(comments)):
        if isinstance(answer, Exception):
            logger.warning("comment badges from %r failed: %s", receiver, answer)
            continue
        for comment_id, badge in (answer or {}).items():
            found.setdefault(comment_id, []).append(badge)
    return found

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from level5.blog.posts.models import Comment
from level5.blog.predictions.service import Unavailable, require_models, score

BATCH = 500


class Command(BaseCommand):
    help = (
        "Ask the models again about comments (after a model update): new scores and badges; "
        "pending comments the filter now calls ham are published. Published and rejected "
        "comments keep their status."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--pending-only", action="store_true", help="only the comments awaiting review"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            require_models()
        except Unavailable as exc:
            raise CommandError(f"{exc}; nothing rescored") from None
        comments = Comment.objects.order_by("id")
        if options["pending_only"]:
            comments = comments.filter(status=Comment.Status.PENDING)
        total = published = held = 0
        ids = list(comments.values_list("id", flat=True))
        for start in range(0, len(ids), BATCH):
            batch = list(Comment.objects.filter(id__in=ids[start : start + BATCH]).order_by("id"))
            outcome = score(batch)
            total += outcome.scored
            published += outcome.published
            held += outcome.held
        self.stdout.write(
            f"rescored {total} comments: {published} published, {held} awaiting review, "
            f"{total - published - held} rejected"
        )

"""The plugin's admin: a moderation queue ordered by spam score, and tag suggestions on posts.

The blog's own admin classes are extended, not copied: the queue is the blog's
comment admin plus score columns, and the post admin is re-registered with one
read-only field more.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import F, QuerySet
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from level5.blog.posts.admin import CommentAdmin, PostAdmin
from level5.blog.posts.models import Comment, Post
from level5.blog.predictions import config
from level5.blog.predictions.models import ModerationQueue
from level5.blog.predictions.tags import TaggedText, suggest_tags


class ScoreBand(admin.SimpleListFilter):
    title = "spam score"
    parameter_name = "band"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [
            ("spam", "above the threshold"),
            ("ham", "below the threshold"),
            ("unscored", "not scored (model unavailable)"),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "spam":
            return queryset.filter(verdict__is_spam=True)
        if self.value() == "ham":
            return queryset.filter(verdict__is_spam=False)
        if self.value() == "unscored":
            return queryset.filter(verdict__is_spam__isnull=True)
        return queryset


@admin.register(ModerationQueue)
class ModerationQueueAdmin(CommentAdmin):
    """Pending comments by default, unscored ones (a model was unavailable) on top, then the
    most spam-like; filters by status and by score band; the blog's approve/reject actions."""

    list_display = ("name", "short_body", "post", "status", "spam_score", "sentiment", "reason")
    list_filter = ("status", ScoreBand)
    list_select_related = ("verdict", "post")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # comments arrive through the blog, not the queue

    def get_ordering(self, request: HttpRequest) -> list[Any]:
        return [F("verdict__spam_score").desc(nulls_first=True), "-created"]

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponseBase:
        """Open on the pending comments (the queue) unless a status filter was chosen."""
        if "status" not in request.GET and "status__exact" not in request.GET:
            request.GET = request.GET.copy()
            request.GET["status__exact"] = Comment.Status.PENDING
        return super().changelist_view(request, extra_context)

    @admin.display(description="spam score", ordering="verdict__spam_score")
    def spam_score(self, comment: Comment) -> str:
        verdict = getattr(comment, "verdict", None)
        if verdict is None or verdict.spam_score is None:
            return "-"
        return f"{verdict.spam_score:.3f} (threshold {verdict.spam_threshold:.3f})"

    @admin.display(description="sentiment", ordering="verdict__sentiment")
    def sentiment(self, comment: Comment) -> str:
        verdict = getattr(comment, "verdict", None)
        return verdict.sentiment if verdict and verdict.sentiment else "-"

    @admin.display(description="why unscored")
    def reason(self, comment: Comment) -> str:
        verdict = getattr(comment, "verdict", None)
        return verdict.reason if verdict and verdict.reason else ""


admin.site.unregister(Post)


@admin.register(Post)
class PostWithSuggestionsAdmin(PostAdmin):
    readonly_fields = ("suggested_tags",)

    @admin.display(description="suggested tags")
    def suggested_tags(self, post: Post) -> str:
        if not post.pk:
            return "save the post once to see tags suggested from its text"
        others = Post.objects.exclude(pk=post.pk).prefetch_related("tags")
        known = [TaggedText(p.body, frozenset(t.name for t in p.tags.all())) for p in others]
        found = suggest_tags(post.body, known, k=config.current().tag_neighbours)
        if not found:
            return "no suggestion yet (no similar tagged post)"
        return ", ".join(f"{s.tag} ({s.score:.2f})" for s in found)

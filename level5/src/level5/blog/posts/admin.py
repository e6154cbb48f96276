"""The admin: write posts, moderate comments (approve or reject many at once)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from level5.blog.posts.models import Comment, Post, Tag


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ("name",)


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ("title", "author", "published")
    list_filter = ("tags",)
    search_fields = ("title", "body")
    prepopulated_fields = {"slug": ("title",)}  # noqa: RUF012  (Django only reads it)
    filter_horizontal = ("tags",)
    date_hierarchy = "published"


@admin.action(description="Approve: publish the selected comments")
def approve(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet) -> None:
    count = queryset.update(status=Comment.Status.PUBLISHED)
    modeladmin.message_user(request, f"{count} comment(s) published.")


@admin.action(description="Reject the selected comments")
def reject(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet) -> None:
    count = queryset.update(status=Comment.Status.REJECTED)
    modeladmin.message_user(request, f"{count} comment(s) rejected.")


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display: tuple[str, ...] = ("name", "short_body", "post", "created", "status")
    list_filter: tuple[Any, ...] = ("status", "created")
    search_fields = ("name", "body")
    actions = (approve, reject)

    @admin.display(description="comment")
    def short_body(self, comment: Comment) -> str:
        body = str(comment.body)
        return body if len(body) <= 80 else body[:77] + "..."

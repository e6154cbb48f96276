"""Posts, tags and comments. A comment waits for review until something publishes it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString

from level5.blog.posts.markdown import render_markdown


class Tag(models.Model):
    name = models.SlugField(max_length=40, unique=True)

    class Meta:
        ordering = ("name",)

    def __str__(self) -> str:
        return str(self.name)

    def get_absolute_url(self) -> str:
        return str(reverse("posts:tag", args=[self.name]))


class PublishedPosts(models.Manager["Post"]):
    def get_queryset(self) -> models.QuerySet[Post]:
        return super().get_queryset().filter(published__lte=timezone.now())


class Post(models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    body = models.TextField(help_text="Markdown; raw HTML is sanitised when shown")
    tags = models.ManyToManyField(Tag, blank=True, related_name="posts")
    published = models.DateTimeField(
        null=True, blank=True, help_text="empty: a draft; in the future: scheduled"
    )

    objects = models.Manager()
    live = PublishedPosts()

    class Meta:
        ordering = ("-published", "-id")

    def __str__(self) -> str:
        return str(self.title)

    def get_absolute_url(self) -> str:
        return str(reverse("posts:detail", args=[self.slug]))

    def html(self) -> SafeString:
        """The body as safe HTML (Markdown rendered, then sanitised)."""
        return render_markdown(self.body)


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "awaiting review"
        PUBLISHED = "published", "published"
        REJECTED = "rejected", "rejected"

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="comments")
    name = models.CharField(max_length=80)
    body = models.TextField(max_length=2000)
    created = models.DateTimeField(default=timezone.now)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )

    class Meta:
        ordering = ("created", "id")

    def __str__(self) -> str:
        return f"{self.name} on {self.post}: {self.body[:40]}"

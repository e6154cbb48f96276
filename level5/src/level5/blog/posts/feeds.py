"""RSS 2.0 feed of the latest posts (django.contrib.syndication)."""

from __future__ import annotations

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.html import strip_tags
from django.utils.text import Truncator

from level5.blog.posts.models import Post


class LatestPosts(Feed):
    title = "level 5 blog"
    link = reverse_lazy("posts:list")
    description = "The latest posts."

    def items(self) -> list[Post]:
        return list(Post.live.all()[:10])

    def item_title(self, item: Post) -> str:
        return str(item.title)

    def item_description(self, item: Post) -> str:
        return str(Truncator(strip_tags(item.html())).words(60))

    def item_pubdate(self, item: Post) -> datetime | None:
        published: datetime | None = item.published
        return published

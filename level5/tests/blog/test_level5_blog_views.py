"""The blog's pages: lists, tags, a post, the comment form, the feed, the admin's login."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from level5.blog.posts.models import Comment, Post
from level5.blog.posts.views import PAGE_SIZE

pytestmark = pytest.mark.django_db

SPAM = (
    "WINNER!! As a valued network customer you have been selected to receivea £900 prize "
    "reward! To claim call 09061701461. Claim code KL341. Valid 12 hours only."
)
KIND = "Thanks, this is a great post and the examples helped me a lot!"
XSS = '<script>alert("xss")</script><img src=x onerror=alert(1)>'


def many_posts(author: Any, count: int) -> None:
    now = timezone.now()
    for i in range(count):
        Post.objects.create(
            title=f"Post {i}", slug=f"post-{i}", author=author, body="text",
            published=now - timedelta(days=i),
        )  # fmt: skip


def test_the_list_is_paginated_newest_first_and_hides_drafts(client: Client, author: Any) -> None:
    many_posts(author, PAGE_SIZE + 2)
    Post.objects.create(title="Draft", slug="draft", author=author, body="not yet")
    Post.objects.create(
        title="Scheduled", slug="later", author=author, body="soon",
        published=timezone.now() + timedelta(days=1),
    )  # fmt: skip
    first = client.get("/").content.decode()
    second = client.get("/?page=2").content.decode()
    assert "Post 0" in first
    assert f"Post {PAGE_SIZE}" not in first
    assert f"Post {PAGE_SIZE + 1}" in second
    assert "page 2 of 2" in second
    assert "Draft" not in first + second
    assert "Scheduled" not in first + second
    assert client.get("/draft/").status_code == 404
    assert client.get("/?page=999").status_code == 200  # the last page, not an error


def test_tag_pages_show_only_their_posts(client: Client, post: Any, author: Any) -> None:
    many_posts(author, 2)
    page = client.get(reverse("posts:tag", args=["python"])).content.decode()
    assert "Hello readers" in page
    assert "Post 0" not in page
    assert client.get("/tag/no-such-tag/").status_code == 404


def test_a_post_renders_its_markdown(client: Client, post: Any) -> None:
    page = client.get(post.get_absolute_url()).content.decode()
    assert "A <em>first</em> post" in page
    assert 'href="/tag/testing/"' in page


def test_a_kind_comment_is_published_with_a_sentiment_badge(client: Client, post: Any) -> None:
    answer = client.post(post.get_absolute_url(), {"name": "Ana", "body": KIND}, follow=True)
    page = answer.content.decode()
    assert "your comment is published" in page
    assert KIND in page
    assert 'class="badge badge-positive"' in page
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PUBLISHED
    assert comment.verdict.is_spam is False
    assert comment.verdict.sentiment == "positive"


def test_a_spam_comment_is_held_with_its_score(client: Client, post: Any) -> None:
    page = client.post(post.get_absolute_url(), {"name": "Win", "body": SPAM}, follow=True)
    assert "awaiting review" in page.content.decode()
    assert "09061701461" not in page.content.decode()
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert comment.verdict.is_spam is True
    assert comment.verdict.spam_score >= comment.verdict.spam_threshold
    assert comment.verdict.reason == ""


def test_a_script_in_a_comment_is_shown_as_text(client: Client, post: Any) -> None:
    comment = Comment.objects.create(post=post, name=XSS, body=XSS)
    comment.status = Comment.Status.PUBLISHED
    comment.save()
    page = client.get(post.get_absolute_url()).content.decode()
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in page


def test_an_invalid_comment_is_refused_with_the_form_errors(client: Client, post: Any) -> None:
    answer = client.post(post.get_absolute_url(), {"name": "", "body": ""})
    assert answer.status_code == 200
    assert "This field is required" in answer.content.decode()
    assert not Comment.objects.exists()


def test_a_comment_without_the_csrf_token_is_forbidden(post: Any) -> None:
    strict = Client(enforce_csrf_checks=True)
    answer = strict.post(post.get_absolute_url(), {"name": "Eve", "body": KIND})
    assert answer.status_code == 403
    assert not Comment.objects.exists()
    form = strict.get(post.get_absolute_url()).content.decode()
    assert 'name="csrfmiddlewaretoken"' in form


def test_the_feed_lists_published_posts(client: Client, post: Any, author: Any) -> None:
    Post.objects.create(title="Draft", slug="draft", author=author, body="not yet")
    feed = client.get(reverse("posts:feed"))
    assert feed["Content-Type"].startswith("application/rss+xml")
    body = feed.content.decode()
    assert "<title>Hello readers</title>" in body
    assert "Draft" not in body


def test_the_admin_needs_a_login(client: Client, admin_client: Client) -> None:
    for url in ("/admin/", "/admin/posts/comment/", "/admin/predictions/moderationqueue/"):
        answer = client.get(url)
        assert answer.status_code == 302
        assert "/admin/login/" in answer["Location"]
        assert admin_client.get(url).status_code == 200

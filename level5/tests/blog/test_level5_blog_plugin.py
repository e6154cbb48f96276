"""The prediction plugin: moderation, missing or broken models, the admin queue, tag hints."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from level5.blog.posts.hooks import badges_for
from level5.blog.posts.models import Comment
from level5.blog.predictions.models import ModerationQueue, Verdict
from level5.blog.predictions.service import score

pytestmark = pytest.mark.django_db

SPAM = "Free entry in 2 a wkly comp to win FA Cup final tkts 21st May 2005. Text FA to 87121"
HAM = "Sorry, I'll call you later when I am out of the meeting"
QUEUE = "/admin/predictions/moderationqueue/"


def test_a_missing_model_folder_leaves_comments_waiting_with_the_reason(
    settings: Any, post: Any, tmp_path: Path
) -> None:
    settings.BLOG_PREDICTIONS = {**settings.BLOG_PREDICTIONS, "MODELS": str(tmp_path / "gone")}
    comment = Comment.objects.create(post=post, name="Ana", body=HAM)
    assert comment.status == Comment.Status.PENDING
    reason = comment.verdict.reason
    assert reason.startswith("spam model unavailable: ")
    assert "sentiment model unavailable" in reason
    assert "\n" not in reason
    assert comment.verdict.is_spam is None
    assert comment.verdict.spam_score is None


def test_a_broken_model_file_leaves_comments_waiting_with_the_reason(
    settings: Any, plugin_models: Path, post: Any, tmp_path: Path
) -> None:
    broken = tmp_path / "models"
    shutil.copytree(plugin_models / "spam", broken / "spam")
    (broken / "spam" / "model.skops").write_bytes(b"not a model")
    settings.BLOG_PREDICTIONS = {**settings.BLOG_PREDICTIONS, "MODELS": str(broken)}
    comment = Comment.objects.create(post=post, name="Ana", body=HAM)
    assert comment.status == Comment.Status.PENDING
    assert comment.verdict.reason.startswith("spam model unavailable: ")
    assert "sha256" in comment.verdict.reason  # modelstore refuses a file that changed


def test_a_threshold_in_the_settings_overrides_the_models(settings: Any, post: Any) -> None:
    settings.BLOG_PREDICTIONS = {**settings.BLOG_PREDICTIONS, "SPAM_THRESHOLD": -1e9}
    comment = Comment.objects.create(post=post, name="Ana", body=HAM)
    assert comment.verdict.spam_threshold == -1e9
    assert comment.status == Comment.Status.PENDING  # every score is above it


def test_a_rescore_publishes_what_waited_and_keeps_decisions(
    settings: Any, plugin_models: Path, post: Any, tmp_path: Path
) -> None:
    settings.BLOG_PREDICTIONS = {**settings.BLOG_PREDICTIONS, "MODELS": str(tmp_path)}
    waiting = Comment.objects.create(post=post, name="Ana", body=HAM)
    spam = Comment.objects.create(post=post, name="Bot", body=SPAM)
    rejected = Comment.objects.create(post=post, name="Cy", body=HAM, status="rejected")
    settings.BLOG_PREDICTIONS = {**settings.BLOG_PREDICTIONS, "MODELS": str(plugin_models)}
    outcome = score(list(Comment.objects.order_by("id")))
    assert (outcome.scored, outcome.published, outcome.held) == (3, 1, 1)
    statuses = dict(Comment.objects.values_list("id", "status"))
    assert statuses == {waiting.pk: "published", spam.pk: "pending", rejected.pk: "rejected"}
    assert Verdict.objects.filter(reason="").count() == 3


def test_badges_come_only_from_the_plugin_and_a_failing_receiver_costs_nothing(
    post: Any,
) -> None:
    from level5.blog.posts.hooks import comment_badges

    comment = Comment.objects.create(post=post, name="Ana", body="I love it, wonderful!")
    (badge,) = badges_for([comment])[comment.pk]
    assert (badge.text, badge.kind) == ("positive", "positive")

    def broken(**kwargs: Any) -> None:
        raise RuntimeError("plugin bug")

    comment_badges.connect(broken, dispatch_uid="test-broken")
    try:
        assert [b.text for b in badges_for([comment])[comment.pk]] == ["positive"]
    finally:
        comment_badges.disconnect(dispatch_uid="test-broken")


def test_the_queue_lists_pending_comments_by_score_and_acts_in_bulk(
    admin_client: Client, post: Any
) -> None:
    texts = [SPAM, "URGENT! You have won a 1 week FREE membership. Txt WIN to 80086", HAM]
    comments = [
        Comment.objects.create(post=post, name=f"n{i}", body=t) for i, t in enumerate(texts)
    ]
    held = [c for c in comments if c.status == Comment.Status.PENDING]
    assert len(held) == 2
    page = admin_client.get(QUEUE).content.decode()
    assert "2 comments to moderate" in page
    assert "threshold" in page
    scores = sorted((c.verdict.spam_score, c.body[:20]) for c in held)
    assert page.index(scores[1][1]) < page.index(scores[0][1])  # most spam-like first
    spam_only = admin_client.get(QUEUE + "?band=spam").content.decode()
    assert "2 comments to moderate" in spam_only
    ids = [str(c.pk) for c in held]
    answer = admin_client.post(QUEUE, {"action": "reject", "_selected_action": ids})
    assert answer.status_code == 302
    assert ModerationQueue.objects.filter(status="rejected").count() == 2
    assert "0 comments to moderate" in admin_client.get(QUEUE).content.decode()
    rejected = QUEUE + "?status__exact=rejected"
    admin_client.post(rejected, {"action": "approve", "_selected_action": ids[:1]})
    assert Comment.objects.get(pk=ids[0]).status == "published"


def test_the_post_admin_suggests_tags_from_the_text(admin_client: Client, post: Any) -> None:
    from level5.blog.posts.models import Post

    other = Post.objects.create(
        title="More tests", slug="more-tests", author=post.author,
        body="Writing tests for Python code: pytest fixtures and property tests.",
    )  # fmt: skip
    page = admin_client.get(f"/admin/posts/post/{other.pk}/change/").content.decode()
    assert "suggested tags" in page.lower()
    assert "python (" in page
    assert "testing (" in page
    assert "save the post once" in admin_client.get("/admin/posts/post/add/").content.decode()

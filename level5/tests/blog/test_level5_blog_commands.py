"""The management commands in process: seed_demo and rescore_comments."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from level5.blog.posts.demo import sample_messages
from level5.blog.posts.demo_posts import POSTS
from level5.blog.posts.models import Comment, Post
from level5.blog.predictions.models import Verdict

pytestmark = pytest.mark.django_db
COUNT = 30


def command(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue().strip()


def test_seed_demo_draws_real_sms_under_a_seed_and_refuses_a_second_run(
    plugin_models: Path,
) -> None:
    report = command("seed_demo", f"--comments={COUNT}", "--seed=3")
    texts, labels, source, _ = sample_messages(COUNT, 3)
    assert Post.objects.count() == len(POSTS)
    assert sorted(Comment.objects.values_list("body", flat=True)) == sorted(texts)
    held = Comment.objects.filter(status="pending").count()
    assert f"{COUNT} comments from {source}: {held} held" in report
    assert held >= 1
    assert labels.count("spam") >= 1
    assert Verdict.objects.count() == COUNT
    with pytest.raises(CommandError, match="already seeded"):
        command("seed_demo", "--comments=5")
    assert Comment.objects.count() == COUNT


def test_rescore_publishes_what_waited_for_a_missing_model(
    settings: Any, plugin_models: Path, tmp_path: Path
) -> None:
    settings.BLOG_PREDICTIONS = {**settings.BLOG_PREDICTIONS, "MODELS": str(tmp_path)}
    command("seed_demo", f"--comments={COUNT}")
    assert Comment.objects.filter(status="pending").count() == COUNT
    assert Verdict.objects.filter(reason__startswith="spam model unavailable").count() == COUNT
    with pytest.raises(CommandError, match=r"spam model unavailable.*nothing rescored"):
        command("rescore_comments")
    settings.BLOG_PREDICTIONS = {**settings.BLOG_PREDICTIONS, "MODELS": str(plugin_models)}
    report = command("rescore_comments", "--pending-only")
    held = Comment.objects.filter(status="pending").count()
    assert (
        report
        == f"rescored {COUNT} comments: {COUNT - held} published, {held} awaiting review, 0 rejected"
    )
    assert 0 < held < COUNT
    assert not Verdict.objects.exclude(reason="").exists()


def test_the_migrations_match_the_models() -> None:
    command("makemigrations", "--check", "--dry-run")  # raises SystemExit(1) when one is missing

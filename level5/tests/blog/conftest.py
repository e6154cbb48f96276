"""Fixtures of the blog's tests: the plugin pointed at the shared model folder, a post."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from level5.app.browser import CHROMIUM


@pytest.fixture
def plugin_models(settings: Any, model_folder: Path) -> Path:
    """The plugin reads the session's real spam and sentiment models (every test with a post)."""
    settings.BLOG_PREDICTIONS = {**settings.BLOG_PREDICTIONS, "MODELS": str(model_folder)}
    return model_folder


@pytest.fixture
def author(django_user_model: Any) -> Any:
    return django_user_model.objects.create_user("writer", password="not-used-here")


@pytest.fixture
def post(author: Any, plugin_models: Path) -> Any:
    from django.utils import timezone

    from level5.blog.posts.models import Post, Tag

    created = Post.objects.create(
        title="Hello readers",
        slug="hello-readers",
        author=author,
        body="A *first* post about testing Python code.",
        published=timezone.now(),
    )
    created.tags.set([Tag.objects.create(name="python"), Tag.objects.create(name="testing")])
    return created


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium; a skip naming the package when it is missing (a failure under CI)."""
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is not installed (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM

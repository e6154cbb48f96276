"""Fixtures of the blog's tests: the plugin pointed at the shared model folder, a post."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


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

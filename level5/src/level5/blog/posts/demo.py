"""Seed the demo blog: the posts of :mod:`.demo_posts` and comments that are real SMS messages.

The comments are drawn (under a seed) from the messages level 1's spam filter never
saw: the held-out part of its split of the SMS collection (``level1.spam``'s
``heldout_split`` with the defaults the default filter is trained with). The SMS
labels then give an honest check of what happened to each comment. Without the SMS
file (not cached), level 1's synthetic emails stand in, and the report says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.text import slugify

from level5.blog.posts.demo_posts import POSTS
from level5.blog.posts.models import Comment, Post, Tag

AUTHOR = "demo"
FIRST_POST = datetime(2025, 9, 1, 9, 0, tzinfo=UTC)
NAMES = ("Ana", "Ben", "Chloe", "Dev", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jon", "Kim")
MAX_COMMENTS = 1000  # the held-out SMS split has about 1,030 messages


class AlreadySeeded(Exception):
    """The database already holds the demo posts."""


@dataclass(frozen=True)
class SeedReport:
    """What was seeded, and what happened to the comments next to their SMS labels."""

    posts: int
    comments: int
    held: int
    held_spam: int
    published: int
    published_spam: int
    source: str
    synthetic: bool

    def summary(self) -> str:
        return (
            f"{self.posts} posts, {self.comments} comments from {self.source}: "
            f"{self.held} held ({self.held_spam} real spam), "
            f"{self.published} published ({self.published_spam} real spam)"
        )


def sample_messages(count: int, seed: int) -> tuple[list[str], list[str], str, bool]:
    """``count`` (texts, labels) from the filter's held-out SMS messages, in a seeded order."""
    import numpy as np

    from level0.datasets import DatasetMissing
    from level1.spam import heldout_split, load_corpus

    try:
        corpus = load_corpus("sms")
    except DatasetMissing:
        corpus = load_corpus("synthetic")
    _, heldout = heldout_split(corpus.labels)
    if not 1 <= count <= len(heldout):
        raise ValueError(f"ask for 1 to {len(heldout)} comments, not {count}")
    chosen = np.random.default_rng(seed).choice(heldout, size=count, replace=False)
    source = "synthetic emails (SMS file not cached)" if corpus.synthetic else "real SMS messages"
    texts = [str(corpus.texts[i]) for i in chosen]
    return texts, [str(corpus.labels[i]) for i in chosen], source, corpus.synthetic


def seed_demo(comments: int = 120, seed: int = 0) -> SeedReport:
    """Create the demo posts and ``comments`` comments in one transaction; refuse to seed twice.

    Each comment is saved like a visitor's, so whatever listens to new comments (the
    prediction plugin) moderates it.
    """
    import numpy as np
    from tqdm import tqdm  # a bar on a terminal only (disable=None)

    texts, labels, source, synthetic = sample_messages(comments, seed)
    rng = np.random.default_rng(seed)
    with transaction.atomic():
        slugs = [slugify(title) for title, _, _ in POSTS]
        existing = Post.objects.filter(slug__in=slugs).count()
        if existing:
            raise AlreadySeeded(f"the demo is already seeded ({existing} demo posts found)")
        author, _ = get_user_model().objects.get_or_create(username=AUTHOR)
        posts = []
        for week, (title, tags, body) in enumerate(POSTS):
            post = Post.objects.create(
                title=title,
                slug=slugify(title),
                author=author,
                body=body,
                published=FIRST_POST + timedelta(weeks=week),
            )
            post.tags.set([Tag.objects.get_or_create(name=name)[0] for name in tags])
            posts.append(post)
        saved = []
        for text in tqdm(texts, desc="comments", unit=" comments", disable=None, leave=False):
            post = posts[int(rng.integers(len(posts)))]
            when = post.published + timedelta(hours=int(rng.integers(1, 24 * 30)))
            saved.append(
                Comment.objects.create(
                    post=post, name=str(rng.choice(NAMES)), body=text, created=when
                )
            )
    held = [c.status == Comment.Status.PENDING for c in saved]
    spam = [label == "spam" for label in labels]
    return SeedReport(
        posts=len(posts),
        comments=len(saved),
        held=sum(held),
        held_spam=sum(h and s for h, s in zip(held, spam, strict=True)),
        published=len(saved) - sum(held),
        published_spam=sum(s and not h for h, s in zip(held, spam, strict=True)),
        source=source,
        synthetic=synthetic,
    )

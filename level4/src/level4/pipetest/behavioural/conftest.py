"""Session fixtures of the behavioural suite: each model is trained once per run."""

from __future__ import annotations

from level0.datasets import DatasetMissing
from level4.pipetest import fixture, skip
from level4.pipetest.models import Subject, sentiment_subject, spam_subject


@fixture(scope="session")
def spam() -> Subject:
    """level 1's spam filter on SMS; on synthetic emails (labelled so) when SMS is not cached."""
    try:
        return spam_subject("sms")
    except DatasetMissing:
        return spam_subject("synthetic")


@fixture(scope="session")
def sentiment() -> Subject:
    """level 1's text classifier on the UCI sentiment sentences (skipped when not cached)."""
    try:
        return sentiment_subject()
    except DatasetMissing as exc:
        skip(str(exc))

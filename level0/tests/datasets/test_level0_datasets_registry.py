"""The catalogue itself, and the real files when they are cached."""

from __future__ import annotations

import csv
import re

import pytest

from level0 import datasets
from level0.datasets import REGISTRY, File

NAMES = [
    "titanic",
    "sms_spam",
    "housing",
    "stocks",
    "sentiment",
    "products",
    "sensors",
    "enron_spam",
    "aeslc",
]


def test_every_dataset_the_issue_names_is_registered():
    datasets.get("titanic")
    assert set(NAMES) <= set(REGISTRY)


@pytest.mark.parametrize("name", NAMES)
def test_entries_are_complete_and_pinned(name):
    dataset = datasets.get(name)
    assert dataset.licence
    assert dataset.citation
    assert dataset.title
    for item in dataset.items:
        assert item.path.startswith(dataset.directory + "/")
        assert item.url.startswith("https://")
        sha = item.sha256 if isinstance(item, File) else item.tree_sha256
        assert re.fullmatch(r"[0-9a-f]{64}", sha)
        assert item.size > 0
        # pinned to a commit, never to a branch that can move
        assert re.search(r"/[0-9a-f]{40}[/.]", item.url), item.url


@pytest.mark.parametrize("name", NAMES)
def test_real_dataset_verifies(realdata, name):
    folder = realdata(name)
    assert folder.is_dir()


def test_real_titanic_has_the_kaggle_shape(realdata):
    with (realdata("titanic") / "train.csv").open(newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["PassengerId", "Survived", "Pclass"]
    assert len(rows) == 892

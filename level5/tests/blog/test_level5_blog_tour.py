"""The tour step end to end, with the session's models copied in instead of retrained."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from level5.api.defaults import Trained
from level5.blog import tour


def test_the_tour_seeds_a_fresh_blog_and_reports_what_the_filter_held(
    model_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def copy_of(name: str):  # type: ignore[no-untyped-def]
        def train(target: Path) -> Trained:
            shutil.copytree(model_folder / name, target)
            return Trained(name, target, False, f"{name} copied")

        return train

    for name in ("spam", "sentiment"):
        monkeypatch.setitem(tour.TRAINERS, name, copy_of(name))
    result = tour.run(tmp_path)
    found = re.search(
        r"(\d+) held \((\d+) real spam\), (\d+) published \((\d+) real spam\)", result.key_result
    )
    assert found, result.key_result
    held, held_spam, published, published_spam = map(int, found.groups())
    assert held + published == 120
    assert held_spam > published_spam
    assert result.key_result.startswith("16 posts, 120 comments from ")
    assert all(path.is_file() for path in result.files)

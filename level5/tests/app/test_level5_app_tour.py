"""The tour step: the whole path a user takes, with the real server and Chromium."""

from __future__ import annotations

from pathlib import Path

from level5.app import tour


def test_the_tour_answers_on_the_sentiment_page_and_saves_a_screenshot(
    chromium: str, tmp_path: Path
) -> None:
    result = tour.run(tmp_path)
    assert result.key_result.startswith(f"sentiment page: {tour.REVIEW!r} -> positive 0.")
    assert result.key_result.endswith("screenshot saved")
    assert result.data in {"real", "synthetic"}
    assert all(path.is_file() for path in result.files)

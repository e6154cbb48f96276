"""One real-browser test: the real server on loopback, Chromium types a review and reads the answer."""

from __future__ import annotations

from pathlib import Path

from level5.app.browser import ask_sentiment, running_app

PNG = b"\x89PNG\r\n\x1a\n"


def test_chromium_reads_a_prediction_from_the_real_server(
    chromium: str, model_folder: Path, tmp_path: Path
) -> None:
    screenshot = tmp_path / "page.png"
    with running_app(model_folder, tmp_path / "app.log") as app:
        liked = ask_sentiment(app.url, "I love it, the sound is excellent", screenshot)
        disliked = ask_sentiment(app.url, "Terrible, it broke after two days")
    assert not app.running()
    assert liked.label == "positive"
    assert 0.5 < liked.probability <= 1.0
    assert disliked.label == "negative"
    assert screenshot.read_bytes().startswith(PNG)
    assert screenshot.stat().st_size < 200_000

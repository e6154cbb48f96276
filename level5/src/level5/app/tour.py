"""Tour step: start the app headless, ask its sentiment page in Chromium, save a screenshot."""

from __future__ import annotations

from pathlib import Path

from level0.tour import TourResult
from level5.api.defaults import TRAINERS
from level5.app.browser import ask_sentiment, running_app

REVIEW = "I love it, the sound is excellent"


def run(out: Path) -> TourResult:
    """Train the sentiment model into ``out/models`` (UCI sentences when cached, otherwise
    synthetic ones), serve the app from that folder, type a review, read the answer."""
    models = out / "models"
    trained = TRAINERS["sentiment"](models / "sentiment")
    screenshot = out / "sentiment_page.png"
    with running_app(models, out / "app.log") as app:
        answer = ask_sentiment(app.url, REVIEW, screenshot)
    key = (
        f"sentiment page: {REVIEW!r} -> {answer.label} {answer.probability:.2f} "
        f"({trained.summary}); screenshot saved"
    )
    if trained.synthetic:
        key = f"SYNTHETIC sentences (UCI files not cached; the label means little): {key}"
    return TourResult(
        data="synthetic" if trained.synthetic else "real",
        key_result=key,
        files=[models / "sentiment" / "model.skops", screenshot, out / "app.log"],
    )

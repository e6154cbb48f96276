"""The app as a user meets it: the real server, started by its CLI, read by a real Chromium.

Used by the tour and the browser test. The server is ``python -m level5.app`` on a free
loopback port, stopped by its PID (``level5.services``); the browser is Debian's
Chromium driven by Playwright, which needs no internet: the page and its charts are
served by Streamlit itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from level0.atomic import atomic_write_bytes
from level5.services import Service, free_port, http_ready, python_module, start

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "SentimentAnswer", "ask_sentiment", "running_app"]

CHROMIUM = "/usr/bin/chromium"  # Debian's package; never `playwright install`
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1000, "height": 900}
WAIT_MS = 120_000  # the first question loads the model: seconds on a busy machine


@dataclass(frozen=True)
class SentimentAnswer:
    """What the sentiment page showed for one review."""

    label: str
    probability: float


@contextmanager
def running_app(models: Path, logs: Path) -> Iterator[Service]:
    """``python -m level5.app --models MODELS`` on a free port, until the block ends."""
    port = free_port()
    argv = python_module("level5.app", "--models", str(models), "--port", str(port))
    url = f"http://127.0.0.1:{port}"
    with start(
        "level5.app",
        argv,
        port=port,
        ready=http_ready(f"{url}/_stcore/health"),
        log=logs,
        timeout=180,
    ) as app:
        yield app


def ask_sentiment(url: str, review: str, screenshot: Path | None = None) -> SentimentAnswer:
    """Open the sentiment page in Chromium, type ``review``, press Analyse and read the
    answer; with ``screenshot``, save the page as a PNG there."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport=VIEWPORT)  # type: ignore[arg-type]
            page.goto(url, timeout=WAIT_MS)  # the sentiment page is the default
            page.get_by_role("textbox", name="Review", exact=True).fill(review, timeout=WAIT_MS)
            page.get_by_role("button", name="Analyse").click()
            page.get_by_text("Which words pushed the decision").wait_for(timeout=WAIT_MS)
            values = page.get_by_test_id("stMetricValue")
            answer = SentimentAnswer(values.nth(0).inner_text(), float(values.nth(1).inner_text()))
            if screenshot is not None:
                page.get_by_test_id("stDataFrame").wait_for(timeout=WAIT_MS)
                atomic_write_bytes(screenshot, page.screenshot())
        finally:
            browser.close()
    return answer

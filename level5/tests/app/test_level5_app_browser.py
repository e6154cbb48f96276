"""One real-browser test: the real server on loopback, Chromium types a review and reads the answer."""

from __future__ import annotations

from pathlib import Path

from level5.app.browser import CHROMIUM_ARGS, ask_sentiment, running_app

PNG = b"\x89PNG\r\n\x1a\n"


def test_chromium_reads_a_prediction_from_the_real_server(
    chromium: str, model_folder: Path, tmp_path: Path
) -> None:
    screenshot = tmp_path / "page.png"
    with running_app(model_folder, tmp_path / "app.log") as app:
        liked = ask_sentiment(app.url, "I love it, the sound is excellent", screenshot)
        disliked = ask_sentiment(app.url, "Terrible, it broke after two days")
        price, outside = open_price_page(chromium, app.url)
    assert not app.running()
    assert liked.label == "positive"
    assert 0.5 < liked.probability <= 1.0
    assert disliked.label == "negative"
    assert screenshot.read_bytes().startswith(PNG)
    assert screenshot.stat().st_size < 200_000
    assert price.startswith("$")
    assert outside == []  # the map is drawn without tiles: nothing leaves the machine


def open_price_page(chromium: str, url: str) -> tuple[str, list[str]]:
    """The predicted value once the map has drawn, and every request not to the app."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            requests: list[str] = []
            page.on("request", lambda request: requests.append(request.url))
            page.goto(f"{url}/price")
            page.get_by_test_id("stVegaLiteChart").locator("canvas").wait_for(timeout=120_000)
            price = page.get_by_test_id("stMetricValue").first.inner_text()
        finally:
            browser.close()
    return price, [r for r in requests if not r.startswith(url)]

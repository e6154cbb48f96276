"""A visitor in a real Chromium: a spam SMS is held, a kind comment appears with its badge."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from level5.app.browser import CHROMIUM_ARGS
from level5.blog.posts.models import Comment

SPAM = (  # a real message of the SMS collection, labelled spam
    "Congrats! 1 year special cinema pass for 2 is yours. call 09061209465 now! "
    "C Suprman V, Matrix3, StarWars3, etc all 4 FREE! bx420-ip4-5we. 150pm. Dont miss out!"
)
KIND = "Lovely post, thank you! The examples made it so clear."
PNG = b"\x89PNG\r\n\x1a\n"
WAIT_MS = 60_000


def test_a_visitor_sees_spam_held_and_a_kind_comment_with_its_badge(
    chromium: str, live_server: Any, post: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls below are
    # still synchronous ones (Django's documented escape hatch for tests).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    screenshot = tmp_path / "screenshot.png"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 900, "height": 700})
            page.goto(live_server.url + post.get_absolute_url(), timeout=WAIT_MS)
            held = send_comment(page, "Prize Team", SPAM)
            published = send_comment(page, "Ana", KIND)
            badge = page.locator(".comment", has_text=KIND).locator(".badge")
            badge_text = badge.inner_text(timeout=WAIT_MS)
            shown = page.locator("#comments").inner_text()
            page.screenshot(path=str(screenshot), full_page=True)
        finally:
            browser.close()
    assert "awaiting review" in held
    assert "is published" in published
    assert badge_text == "positive"
    assert KIND in shown
    assert "09061209465" not in shown
    statuses = dict(Comment.objects.values_list("name", "status"))
    assert statuses == {"Prize Team": "pending", "Ana": "published"}
    assert screenshot.read_bytes().startswith(PNG)
    assert screenshot.stat().st_size < 200_000


def send_comment(page: Any, name: str, text: str) -> str:
    """Fill in the form, send it, and return the notice the next page shows."""
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Comment").fill(text)
    page.get_by_role("button", name="Send").click()
    return str(page.locator(".messages").inner_text(timeout=WAIT_MS))

"""The web chat: the JSON endpoint through Flask's test client, then the real server in Chromium."""

from __future__ import annotations

import json

import pytest

from level5.app.browser import CHROMIUM_ARGS
from level5.chatbot.web import MAX_BODY
from level5.services import free_port, http_ready, python_module, start


@pytest.fixture
def client(chatbot, bot):
    return chatbot.create_app(bot, max_sessions=3).test_client()


def chat(client, session, text):
    return client.post("/chat", json={"session": session, "text": text})


def test_a_conversation_over_json(client):
    first = chat(client, "s1", "what's the weather?")
    assert first.status_code == 200
    assert first.json == {
        "reply": "Which city?",
        "intent": "weather",
        "confidence": first.json["confidence"],
        "entities": [],
    }
    second = chat(client, "s1", "Lisbon").json
    assert second["reply"].startswith("Lisbon, Portugal today")
    assert second["entities"] == [{"kind": "city", "text": "Lisbon", "value": "Lisbon"}]


def test_sessions_are_separate(client):
    chat(client, "alice", "what's the weather?")
    assert (
        chat(client, "bob", "Lisbon").json["reply"] != chat(client, "alice", "Lisbon").json["reply"]
    )


def test_the_oldest_session_is_forgotten_past_the_cap(client):
    chat(client, "first", "what's the weather?")  # the bot now waits for first's city
    for name in ("second", "third", "fourth"):
        chat(client, name, "hello")
    assert client.get("/health").json["sessions"] == 3
    assert "Lisbon, Portugal" not in chat(client, "first", "Lisbon").json["reply"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"session": "s", "text": "x" * 1001}, "longer than 1,000 characters"),
        ({"session": "s"}, "text must be a string"),
        ({"session": "s", "text": 5}, "text must be a string"),
        ({"session": "", "text": "hi"}, "session must be"),
        ({"session": "../etc", "text": "hi"}, "session must be"),
        ({"session": "s" * 65, "text": "hi"}, "session must be"),
        (["not", "an", "object"], "send a JSON object"),
    ],
)
def test_bad_bodies_get_400_and_a_json_error(client, body, message):
    response = client.post("/chat", json=body)
    assert response.status_code == 400
    assert message in response.json["error"]


def test_not_json_and_too_large_bodies(client):
    assert client.post("/chat", data="hello", content_type="text/plain").status_code == 400
    big = json.dumps({"session": "s", "text": "x" * MAX_BODY})
    response = client.post("/chat", data=big, content_type="application/json")
    assert response.status_code == 413
    assert "larger than" in response.json["error"]


def test_unknown_paths_and_methods_answer_json(client):
    assert client.get("/nope").status_code == 404
    assert "error" in client.get("/nope").json
    assert client.get("/chat").status_code == 405


def test_the_page_has_a_form_and_sends_text_as_text(client):
    page = client.get("/").get_data(as_text=True)
    assert "<form" in page
    assert 'fetch("/chat"' in page
    assert "textContent" in page
    assert "innerHTML" not in page


def test_two_turns_in_a_real_browser_against_gunicorn(chromium, model_dir, weather_url, tmp_path):
    from playwright.sync_api import sync_playwright

    port = free_port()
    argv = python_module(
        "level5.chatbot", "serve", "--model", str(model_dir), "--port", str(port),
        "--weather-url", weather_url, "--todo", str(tmp_path / "tasks.json"),
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    with (
        start(
            "chatbot",
            argv,
            port=port,
            ready=http_ready(f"{url}/health"),
            log=tmp_path / "serve.log",
        ),
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(url)
            replies = page.get_by_test_id("reply")
            for turn, text in enumerate(["what's the weather?", "Lisbon"]):
                page.get_by_role("textbox", name="Message").fill(text)
                page.get_by_role("button", name="Send").click()
                replies.nth(turn).wait_for(timeout=30_000)
            assert replies.nth(0).inner_text().startswith("Which city?")
            assert replies.nth(1).inner_text().startswith("Lisbon, Portugal today: partly cloudy")
        finally:
            browser.close()

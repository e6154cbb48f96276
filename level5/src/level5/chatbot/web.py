"""The web chat: ``POST /chat`` answers a turn as JSON, ``GET /`` is a small chat page.

Conversations are kept in this process's memory (a capped table: the least recently
used one is forgotten first), so the server runs as ONE gunicorn worker with several
threads; a second worker would not know the first one's conversations. Each
conversation has its own lock, so two tabs of one session take turns.

    POST /chat  {"session": "abc", "text": "what's the weather?"}
             -> {"reply": "Which city?", "intent": "weather", "confidence": 0.97, "entities": []}
"""

from __future__ import annotations

import os
import re
import threading
from collections import OrderedDict
from importlib import resources
from pathlib import Path
from typing import Any

from flask import Flask, Response, jsonify, request

from level5.chatbot.dialogue import MAX_TEXT, Bot, Context

__all__ = ["ENV", "MAX_BODY", "SessionTable", "app_from_env", "create_app"]

MAX_BODY = 16_384  # bytes of a request body: a turn is at most 1,000 characters
SESSION_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
ENV = {  # what `python -m level5.chatbot serve` passes to the gunicorn worker
    "model": "LEVEL5_CHATBOT_MODEL",
    "weather_url": "LEVEL5_CHATBOT_WEATHER_URL",
    "todo": "LEVEL5_CHATBOT_TODO",
    "max_sessions": "LEVEL5_CHATBOT_MAX_SESSIONS",
}


class SessionTable:
    """At most ``capacity`` conversations; the least recently used is dropped to make room."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._items: OrderedDict[str, tuple[Context, threading.Lock]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, session: str) -> tuple[Context, threading.Lock]:
        with self._lock:
            if session in self._items:
                self._items.move_to_end(session)
            else:
                self._items[session] = (Context(), threading.Lock())
                while len(self._items) > self.capacity:
                    self._items.popitem(last=False)
            return self._items[session]

    def __len__(self) -> int:
        return len(self._items)


def _error(status: int, message: str) -> tuple[Response, int]:
    return jsonify({"error": message}), status


def create_app(bot: Bot, *, max_sessions: int = 1_000) -> Flask:
    """A Flask app answering with ``bot``, keeping up to ``max_sessions`` conversations."""
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY
    sessions = SessionTable(max_sessions)
    app.extensions["chat_sessions"] = sessions
    page = resources.files("level5.chatbot").joinpath("chat.html").read_text("utf-8")

    @app.get("/")
    def index() -> Response:
        return Response(page, mimetype="text/html")

    @app.get("/health")
    def health() -> Any:
        return {"status": "ok", "sessions": len(sessions)}

    @app.post("/chat")
    def chat() -> Any:
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            return _error(400, 'send a JSON object: {"session": "...", "text": "..."}')
        session, text = body.get("session"), body.get("text")
        if not isinstance(session, str) or not SESSION_ID.fullmatch(session):
            return _error(400, "session must be 1 to 64 letters, digits, '-' or '_'")
        if not isinstance(text, str):
            return _error(400, "text must be a string")
        if len(text) > MAX_TEXT:
            return _error(400, f"text is longer than {MAX_TEXT:,} characters")
        context, lock = sessions.get(session)
        with lock:
            return bot.reply(text, context).as_dict()

    @app.errorhandler(413)
    def too_large(_: Exception) -> Any:
        return _error(413, f"the request body is larger than {MAX_BODY:,} bytes")

    @app.errorhandler(404)
    def not_found(_: Exception) -> Any:
        return _error(404, "no such page; the chat is at / and POST /chat")

    @app.errorhandler(405)
    def wrong_method(_: Exception) -> Any:
        return _error(405, "this path does not accept that method")

    return app


def app_from_env() -> Flask:
    """The app gunicorn builds in its worker, from the settings the serve command put in ``ENV``."""
    from level5.chatbot.model import load_bot

    bot = load_bot(
        os.environ[ENV["model"]],
        weather_url=os.environ.get(ENV["weather_url"]) or None,
        todo_path=Path(os.environ[ENV["todo"]]),
    )
    return create_app(bot, max_sessions=int(os.environ.get(ENV["max_sessions"], "1000")))

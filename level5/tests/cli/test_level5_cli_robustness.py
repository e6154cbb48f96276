"""Every level 5 CLI against hostile input and Ctrl-C (the checks live in level0.robustness)."""

from __future__ import annotations

from level0.robustness import HUGE, CliRobustness


class TestLevel5Clis(CliRobustness):
    level = "level5"
    hostile = {  # noqa: RUF012  (read-only case tables)
        "level5.api": [
            ["serve", "--models", "{missing}"],
            ["serve", "--models", "{empty}"],
            ["serve", "--models", "{binary}"],
            ["serve", "--models", "{directory}"],
            ["serve", "--models", "{directory}", "--port", HUGE],
            ["serve", "--models", "{directory}", "--workers", "0"],
            ["worker", "--models", "{missing}"],
            ["worker", "--models", "{directory}", "--redis", "redis://127.0.0.1:9/0", "--burst"],
            ["worker", "--models", "{directory}", "--redis", "not-a-url"],
            ["predict", "http://127.0.0.1:9", "spam", "hello"],
            ["predict", "{missing}", "spam", "hello"],
            ["predict", "http://127.0.0.1:9", "iris", "{latin1}"],
            ["predict", "http://127.0.0.1:9", "spam", "hello", "--timeout", "nan"],
            ["train-defaults", "-o", "{binary}"],
            ["train-defaults", "-o", "{empty}", "--only", "nope"],
        ],
        "level5.app": [
            ["--models", "{binary}"],
            ["--models", "{empty}"],
            ["--models", "{latin1}", "--port", "0"],
            ["--models", "{directory}", "--port", "65536"],
            ["--models", "{directory}", "--port", "-1"],
            ["--models", "{directory}", "--port", "nan"],
            ["--models", "{directory}", "--port", HUGE],
            ["--models", "{out}", "extra-argument"],
        ],
        "level5.blog": [
            ["migrate", "--data", "{binary}"],
            ["migrate", "--data", "{directory}", "extra-argument"],
            ["seed_demo", "--data", "{missing}"],
            ["seed_demo", "--data", "{directory}"],
            ["seed_demo", "--data", "{directory}", "--comments", HUGE],
            ["seed_demo", "--data", "{directory}", "--seed", "-1"],
            ["rescore_comments", "--data", "{empty}"],
            ["rescore_comments", "--data", "{directory}", "--models", "{latin1}"],
            ["runserver", "--data", "{missing}", "--port", "65535"],
            ["runserver", "--data", "{directory}", "--port", "0"],
            ["createsuperuser", "--data", "{directory}", "--username", "admin"],
            ["check", "--data", "{latin1}"],
        ],
        "level5.chatbot": [
            ["train", "-o", "{binary}"],
            ["train", "-o", "{out}", "--per-intent", HUGE],
            ["train", "-o", "{out}", "--per-intent", "nan"],
            ["evaluate", "{missing}"],
            ["evaluate", "{empty}"],
            ["evaluate", "{binary}"],
            ["evaluate", "{directory}"],
            ["evaluate", "{directory}", "--json", "extra-argument"],
            ["chat", "--model", "{latin1}"],
            ["chat", "--model", "{directory}"],
            ["serve", "--model", "{missing}"],
            ["serve", "--model", "{directory}", "--port", HUGE],
            ["serve", "--model", "{directory}", "--threads", "0"],
            ["serve", "--model", "{directory}", "--max-sessions", "-5"],
        ],
    }
    busy = {  # noqa: RUF012
        "level5.api": ["train-defaults", "-o", "{out}", "--only", "spam", "iris"],
        "level5.app": ["--models", "{out}", "--port", "0"],
        "level5.blog": ["migrate", "--data", "{out}"],
        "level5.chatbot": ["train", "-o", "{out}", "--per-intent", "10"],
    }

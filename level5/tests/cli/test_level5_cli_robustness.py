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
    }
    busy = {  # noqa: RUF012
        "level5.api": ["train-defaults", "-o", "{out}", "--only", "spam", "iris"],
        "level5.app": ["--models", "{out}", "--port", "0"],
    }

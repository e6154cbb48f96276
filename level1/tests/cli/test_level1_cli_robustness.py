"""Every level 1 CLI against hostile input and Ctrl-C (the checks live in level0.robustness)."""

from __future__ import annotations

from level0.robustness import HUGE, CliRobustness


class TestLevel1Clis(CliRobustness):
    level = "level1"
    hostile = {  # noqa: RUF012  (read-only case tables)
        "level1.spam": [
            ["predict", "{missing}", "hello"],
            ["predict", "{directory}", "hello"],
            ["predict", "{empty}", "hello"],
            ["predict", "{binary}", "hello"],
            ["train", "--corpus", "synthetic", "-o", "{out}", "--folds", HUGE],
            ["train", "--corpus", "synthetic", "-o", "{out}", "--max-blocked-ham", "nan"],
            ["evaluate", "{missing}", "--corpus", "sms"],
        ],
    }
    busy = {  # noqa: RUF012
        "level1.spam": ["train", "--corpus", "synthetic", "-o", "{out}"],
    }

"""Every level 6 CLI against hostile input and Ctrl-C (the checks live in level0.robustness)."""

from __future__ import annotations

from level0.robustness import HUGE, CliRobustness


class TestLevel6Clis(CliRobustness):
    level = "level6"
    hostile = {  # noqa: RUF012  (read-only case tables)
        "level6.nn": [
            ["perceptron", "--epochs", HUGE],
            ["xor", "--steps", "nan"],
            ["gradcheck", "--sizes", HUGE, "2"],
            ["gradcheck", "--activation", "{latin1}"],
            ["learn", "--plot", "{directory}"],
            ["learn", "--plot", "{binary}/curves.png", "--epochs", "1"],
            ["learn", "--hidden", "0"],
        ],
        "level6.digits": [
            ["train", "-o", "{binary}"],
            ["train", "-o", "{out}", "--limit", HUGE],
            ["train", "-o", "{out}", "--epochs", "nan"],
            ["evaluate", "{missing}"],
            ["evaluate", "{empty}"],
            ["evaluate", "{directory}"],
            ["predict", "{directory}", "{binary}"],
            ["predict", "{missing}", "{latin1}"],
            ["draw", "{missing}"],
        ],
    }
    busy = {  # noqa: RUF012
        "level6.nn": ["learn", "--epochs", "200", "--plot", "{out}/curves.png"],
        "level6.digits": ["train", "--model", "mlp", "-o", "{out}/mlp", "--limit", "20000"],
    }

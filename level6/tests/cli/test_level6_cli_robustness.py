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
        "level6.products": [
            ["train", "-o", "{out}", "--epochs", HUGE],
            ["train", "-o", "{out}", "--limit", "nan"],
            ["train", "-o", "{binary}"],
            ["evaluate", "{missing}"],
            ["evaluate", "{directory}"],
            ["evaluate", "{binary}"],
            ["evaluate", "{directory}", "--plot", "{directory}"],
            ["saliency", "{directory}", "-o", "{out}"],
            ["saliency", "{missing}", "-o", "{out.png}"],
            ["predict", "{directory}", "{binary.png}"],
            ["predict", "{directory}", "{missing.png}"],
            ["predict", "{directory}", "{empty.png}"],
            ["predict", "{missing}", "{directory}"],
            ["baseline", "--limit", HUGE],
        ],
    }
    busy = {  # noqa: RUF012
        "level6.nn": ["learn", "--epochs", "200", "--plot", "{out}/curves.png"],
        "level6.digits": ["train", "--model", "mlp", "-o", "{out}/mlp", "--limit", "20000"],
        "level6.products": ["train", "-o", "{out}", "--limit", "2000", "--epochs", "3"],
    }

"""Every level 1 CLI against hostile input and Ctrl-C (the checks live in level0.robustness)."""

from __future__ import annotations

from pathlib import Path

import level1
from level0.datasets import data_home, get
from level0.robustness import HUGE, CliRobustness

# A small labelled table that ships with the package: busy runs need no download.
HAND_LABELS = str(Path(level1.__file__).parent / "email_digest" / "hand_labels.csv")
# 3,672 real emails, cached in CI (MLROADMAP_DATA); reading and digesting them takes seconds.
ENRON_HAM = str(data_home() / get("enron_spam").directory / "enron1" / "ham")


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
        "level1.email_digest": [
            ["{missing}", "--rules"],
            ["{empty}", "--rules"],
            ["{binary}", "--rules"],
            ["{directory}", "--rules"],
            ["{directory}", "-o", "{missing}/digest.md", "--rules"],
            ["{directory}", "-o", "{directory}", "--rules"],
            ["{directory}", "--model", "{binary}"],
            ["{directory}", "--model", "{missing}", "--rules"],
            ["{directory}", "--model", "{directory}", "--rules"],
            ["{directory}", "--limit", HUGE],
            ["{directory}", "--limit", "0"],
            ["{directory}", "--by", "week"],
        ],
        "level1.iris": [
            ["predict", "5.1", "3.5", "1.4"],
            ["predict", "nan", "3.5", "1.4", "0.2"],
            ["predict", "1e999", "3.5", "1.4", "0.2"],
            ["predict", "--model", "svm", "5.1", "3.5", "1.4", "0.2"],
            ["cv", "--folds", HUGE],
            ["cv", "--folds", "-3"],
            ["cv", "--seed", "nan"],
            ["report", "-o", "{binary}"],
            ["report", "-o", "{out}", "--folds", "41"],
            ["report"],
        ],
        "level1.textclf": [  # each case below that passes parsing costs a scikit-learn import
            ["train", "{binary.csv}", "-o", "{out}"],
            ["train", "{latin1.csv}", "-o", "{out}"],
            ["train", "{directory}", "-o", "{out}"],
            ["train", "{missing.csv}", "-o", "{out}", "--folds", HUGE],
            ["train", "{missing.csv}", "-o", "{out}", "--holdout", "nan"],
            ["train", "{missing.csv}", "-o", "{out}", "--holdout", "-0.1"],
            ["train", "{missing.csv}", "-o", "{out}", "--seed", "-1"],
            ["train", "{missing.csv}", "-o", "{out}", "--quoting", "maybe"],
            ["predict", "{binary}", "hello"],
            ["info", "{empty}"],
            ["evaluate", "{directory}"],
        ],
    }
    busy = {  # noqa: RUF012
        "level1.email_digest": [ENRON_HAM, "--rules", "--limit", "500", "-o", "{out.md}"],
        "level1.iris": ["report", "-o", "{out}"],
        "level1.spam": ["train", "--corpus", "synthetic", "-o", "{out}"],
        "level1.textclf": [
            "train",
            HAND_LABELS,
            "--text-col",
            "note",
            "--label-col",
            "label",
            "-o",
            "{out}",
        ],
    }

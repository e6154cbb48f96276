"""Every level 3 CLI against hostile input and Ctrl-C (the checks live in level0.robustness).

The cases are cheap on purpose: each one fails before any model is fitted (argument
ranges, work budgets, unreadable files), so the whole class stays well under a minute.
The templates' loop bomb needs a template file with content, so it lives in the
project's own tests (tests/templates/test_level3_templates_cli.py).
"""

from __future__ import annotations

from level0.robustness import HUGE, CliRobustness

DEPTHS_1_TO_100 = [str(depth) for depth in range(1, 101)]
LEAF_SIZES_1_TO_10 = [str(size) for size in range(1, 11)]
BUDGET_BUSTER = ["tune", "--depths", *DEPTHS_1_TO_100, "--leaf-sizes", *LEAF_SIZES_1_TO_10]


class TestLevel3Clis(CliRobustness):
    level = "level3"
    hostile = {  # noqa: RUF012  (read-only case tables)
        "level3.algorithms": [
            [],
            ["sweep", "tree", "--folds", HUGE],
            ["sweep", "tree", "--folds", "1"],
            ["compare", "--seed", "-1"],
            ["compare", "--seed", "nan"],
            ["compare", "--algorithm", "forest"],
            ["compare", "--dataset", "mnist"],
            ["sweep", "pca"],
            ["sweep", "tree", "--plot", "{directory}"],
            ["sweep", "tree", "--plot", "{missing}/sweep.png"],
        ],
        "level3.clusters": [
            ["--input", "{missing}", "-o", "{out}"],
            ["--input", "{empty.csv}", "-o", "{out}"],
            ["--input", "{binary.csv}", "-o", "{out}"],
            ["--input", "{latin1.csv}", "-o", "{out}"],
            ["--input", "{directory}", "-o", "{out}"],
            ["--input", "{missing}", "-o", "{binary}"],
            ["--k-max", HUGE, "-o", "{out}"],
            ["--k-max", "-5", "-o", "{out}"],
            ["--k-min", "5", "--k-max", "3", "-o", "{out}"],
            ["--min-samples", "nan", "-o", "{out}"],
            ["--seed", "1e9", "-o", "{out}"],
        ],
        "level3.compare": [
            ["--dataset", "breast_cancer", "--repeats", HUGE],
            ["--dataset", "breast_cancer", "--repeats", "0"],
            ["--dataset", "breast_cancer", "--folds", "-3"],
            ["--dataset", "breast_cancer", "--seed", "nan"],
            ["--dataset", "breast_cancer", "--repeats", "20"],
            ["--dataset", "spam", "--repeats", "2"],
            ["--dataset", "iris"],
            ["--dataset", "breast_cancer", "--models", "xgboost"],
            ["--dataset", "breast_cancer", "-o", "{binary}"],
        ],
        "level3.templates": [
            ["render", "{missing}"],
            ["render", "{binary}"],
            ["render", "{latin1}"],
            ["render", "{directory}"],
            ["render", "{empty}", "--context", "{missing}"],
            ["render", "{empty}", "--context", "{empty}"],
            ["render", "{empty}", "--context", "{binary}"],
            ["render", "{empty}", "--context", "{latin1}"],
            ["render", "{empty}", "--context", "{directory}"],
            ["render", "{empty}", "--var", "nonsense"],
            ["render", "{empty}", "-o", "{directory}"],
            ["render", "{empty}", "--max-loop-iterations", "-1"],
            ["render", "{empty}", "--max-output-chars", HUGE],
            ["generate", "--depth", HUGE],
            ["generate", "--depth", "0"],
            ["check", "--limit", "0"],
            ["check", "--limit", "nan"],
            ["check", "--style", "fancy"],
        ],
        "level3.tree_explain": [
            ["tune", "--folds", HUGE, "-o", "{out}"],
            ["tune", "--folds", "1", "-o", "{out}"],
            ["tune", "--alphas", "nan", "-o", "{out}"],
            ["tune", "--depths", "0", "-o", "{out}"],
            ["tune", "--depths", "deep", "-o", "{out}"],
            ["tune", "--leaf-sizes", "-1", "-o", "{out}"],
            ["tune", "--seed", "-1", "-o", "{out}"],
            ["tune", "--dataset", "iris", "-o", "{out}"],
            ["tune", "-o", "{binary}"],
            ["explain", "--row", "-1", "-o", "{out}"],
            ["explain", "--dataset", "breast_cancer", "--row", "99999", "-o", "{out}"],
            [*BUDGET_BUSTER, "-o", "{out}"],
        ],
    }
    busy = {  # noqa: RUF012
        "level3.algorithms": ["compare"],
        "level3.clusters": ["-o", "{out}"],  # the real books when cached, else the demo shop
        "level3.compare": ["--dataset", "breast_cancer", "--repeats", "1"],
        "level3.templates": ["check", "--depth", "3", "--limit", "20000"],
        "level3.tree_explain": ["tune", "--dataset", "breast_cancer", "-o", "{out}"],
    }

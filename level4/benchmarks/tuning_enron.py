"""The SMS-tuned setting on Enron: refit on Enron's training part, threshold on its OOF scores.

Usage: python level4/benchmarks/tuning_enron.py DIR   (DIR from `python -m level4.tuning compare`)

Tuning itself is not re-run on Enron (one pipeline fit on 4,000 long emails takes about
half a minute here); the setting chosen on SMS cross-validation is refitted on Enron's
training part with level 1's split, its threshold chosen on 5-fold out-of-fold scores
(at most 0.3% of ham blocked), and Enron's held-out part is scored once. Level 1's own
Enron filter is the baseline. The tuned SMS model applied to all of Enron, unchanged,
is shown too.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.model_selection import FixedThresholdClassifier

from level1.spam.corpus import heldout_split, load_corpus
from level4.tuning import space
from level4.tuning.evaluation import heldout_report
from level4.tuning.honest import oof_threshold, response_method
from level4.tuning.workflow import evaluate_saved

LEVEL1 = {"accuracy": 0.9730, "spam_caught": 0.9147, "blocked_ham": 0.0028, "mcc": 0.9348}


def main(folder: Path) -> None:
    summary = json.loads((folder / "summary.json").read_text())
    params = space.from_flat(summary["chosen"]["params"])
    corpus = load_corpus("enron")
    train_idx, test_idx = heldout_split(corpus.labels)
    texts, labels = corpus.texts[train_idx], corpus.labels[train_idx]
    start = time.perf_counter()
    threshold, _ = oof_threshold(params, texts, labels, max_blocked_ham=0.003, n_jobs=2)
    model = FixedThresholdClassifier(
        space.to_pipeline(params),
        threshold=threshold,
        pos_label="spam",
        response_method=response_method(space.to_pipeline(params)),
    ).fit(texts, labels)
    test = corpus.texts[test_idx]
    scores = np.asarray(getattr(model, model.response_method)(test))
    if scores.ndim == 2:
        scores = scores[:, list(model.classes_).index("spam")]
    refit = heldout_report(corpus.labels[test_idx], model.predict(test), scores, threshold)
    seconds = time.perf_counter() - start
    transfer = evaluate_saved(folder, "enron")["report"]
    print(f"setting tuned on SMS: {summary['chosen']['setting']}")
    print(f"{'model':<44} {'accuracy':>8} {'caught':>7} {'blocked':>8} {'MCC':>7}")
    rows = [
        ("level 1 Enron filter (held-out)", LEVEL1),
        ("SMS-tuned setting refitted on Enron (held-out)", refit.to_dict()),
        ("SMS-tuned model unchanged (all of Enron)", transfer),
    ]
    for name, row in rows:
        print(
            f"{name:<44} {row['accuracy']:>8.4f} {row['spam_caught']:>7.4f}"
            f" {row['blocked_ham']:>8.2%} {row['mcc']:>7.4f}"
        )
    print(
        f"refitted: threshold {threshold:.4f}, confusion {refit.report.confusion}, "
        f"ROC AUC {refit.roc_auc:.4f}, PR AUC {refit.pr_auc:.4f}; {seconds:.0f} s"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]))

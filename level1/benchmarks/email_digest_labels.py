"""Label quality: the keyword rules and the trained classifier against my hand labels.

    MLROADMAP_DATA=/work/shared/data python level1/benchmarks/email_digest_labels.py

Builds the weak-labelled dataset from Enron-Spam enron1/ham, trains the classifier
(hand-labelled emails left out), and prints how often rules and classifier agree with
the 90 emails I labelled: the 60 "tuning" emails (I read the rules' mistakes on these
and fixed the rules, so their figure is optimistic) and the 30 "holdout" emails
(labelled after the rules were frozen). Then the holdout confusion matrix.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from sklearn.metrics import cohen_kappa_score, confusion_matrix

from level0.datasets import DatasetMissing, locate
from level1.email_digest.classify import (
    build_dataset,
    hand_labels,
    load_categoriser,
    train_and_save,
)
from level1.email_digest.message import parse_bytes
from level1.email_digest.rules import CATEGORIES


def main() -> int:
    try:
        ham = locate("enron_spam") / "enron1" / "ham"
    except DatasetMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        metrics = train_and_save(ham, Path(tmp) / "model")
        classifier = load_categoriser(Path(tmp) / "model")
        labels = hand_labels()
        emails = [parse_bytes((ham / h.file).read_bytes(), ham / h.file) for h in labels]
        predicted = classifier.categorise(emails)
    rules = [e.label for e in build_dataset(ham, [h.file for h in labels])]
    print(
        f"dataset: {metrics['emails']} ham emails (hand-labelled ones left out), "
        f"{metrics['weakly_labelled']} weakly labelled, {metrics['abstained']} abstained"
    )
    print(f"weak label counts: {metrics['label_counts']}")
    print(
        f"classifier 5-fold CV accuracy against the weak labels: {metrics['cv_accuracy_vs_rules']:.3f}\n"
    )
    print(
        "| sample | emails | rules cover | rules agree | rules agree (all) | classifier agree | kappa rules | kappa classifier |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for sample in ("tuning", "holdout"):
        index = [i for i, h in enumerate(labels) if h.sample == sample]
        truth = [labels[i].label for i in index]
        ruled = [rules[i] or "none" for i in index]
        clf = [predicted[i] for i in index]
        r, c = metrics[f"rules_vs_hand_{sample}"], metrics[f"classifier_vs_hand_{sample}"]
        print(
            f"| {sample} | {len(index)} | {r['covered']} | {r['agree']}/{r['covered']} "
            f"({r['accuracy_covered']:.0%}) | {r['agree']}/{r['n']} ({r['accuracy_all']:.0%}) | "
            f"{c['agree']}/{c['n']} ({c['accuracy_all']:.0%}) | "
            f"{cohen_kappa_score(truth, ruled):.2f} | {cohen_kappa_score(truth, clf):.2f} |"
        )
    holdout = [i for i, h in enumerate(labels) if h.sample == "holdout"]
    names = list(CATEGORIES)
    matrix = confusion_matrix(
        [labels[i].label for i in holdout], [predicted[i] for i in holdout], labels=names
    )
    print("\nholdout confusion matrix, classifier (rows: my label, columns: classifier)\n")
    print("| | " + " | ".join(names) + " |")
    print("| --- " * (len(names) + 1) + "|")
    for name, counts in zip(names, matrix, strict=True):
        print(f"| {name} | " + " | ".join(str(n) for n in counts) + " |")
    print(f"\n({time.perf_counter() - start:.0f} s on this machine)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

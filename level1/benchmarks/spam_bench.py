"""Benchmark level1.spam: the three classifier families on SMS and Enron, held-out figures.

    MLROADMAP_DATA=/work/shared/data python level1/benchmarks/spam_bench.py [--corpus sms enron]

For each corpus: one stratified 80/20 split (seed 0), 5-fold cross-validation of every
candidate on the training part, and per family (NB, logistic regression, linear SVM)
the setting with the best cross-validated MCC. That setting is fitted on the training
part and scored on the held-out part twice: at the classifier's own threshold (margin 0,
probability 0.5) and at the threshold chosen on CV (at most 0.2% of ham blocked). The
"auto" row is what ``python -m level1.spam train`` keeps: the best of all on CV.
It needs the real corpora (it never uses synthetic data).
"""

from __future__ import annotations

import argparse
import json
import time
from typing import Any

from level1.spam import (
    DEFAULT_CANDIDATES,
    KINDS,
    build_pipeline,
    choose_threshold,
    cross_validate,
    heldout_split,
    load_corpus,
    response,
    spam_report,
)
from level1.spam.pipeline import KIND_NAMES

BUDGET = 0.002


def bench(name: str) -> list[dict[str, Any]]:
    corpus = load_corpus(name)
    train_idx, test_idx = heldout_split(corpus.labels)
    texts, labels = corpus.texts[train_idx], corpus.labels[train_idx]
    start = time.perf_counter()
    results = cross_validate(texts, labels, DEFAULT_CANDIDATES, description=f"{name} CV")
    cv_seconds = time.perf_counter() - start
    scored = []
    for result in results:
        threshold = choose_threshold(result.scores, labels == "spam", BUDGET)
        scored.append((result.candidate, threshold, spam_report(labels, result.predict(threshold))))
    best_overall = max(scored, key=lambda row: row[2].mcc)
    rows = []
    for kind in KINDS:
        candidate, threshold, cv = max(
            (row for row in scored if row[0].kind == kind), key=lambda row: row[2].mcc
        )
        start = time.perf_counter()
        model = build_pipeline(candidate).fit(texts, labels)
        fit_seconds = time.perf_counter() - start
        scores = response(model, corpus.texts[test_idx], candidate.response_method)
        truth = corpus.labels[test_idx]
        for rule, cut in (("own", candidate.default_threshold), ("CV 0.2%", threshold)):
            predicted = ["spam" if s >= cut else "ham" for s in scores]
            report = spam_report(truth, predicted)
            rows.append(
                {
                    "corpus": name,
                    "model": ("auto: " if candidate == best_overall[0] else "")
                    + f"{KIND_NAMES[kind]} {str(candidate).split('(')[1].rstrip(')')}",
                    "threshold": f"{rule} ({cut:.3f})",
                    "cv_mcc": cv.mcc,
                    **report.to_dict(),
                    "fit_s": fit_seconds,
                    "cv_s": cv_seconds,
                }
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", nargs="+", default=["sms", "enron"], choices=["sms", "enron"])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = [row for name in args.corpus for row in bench(name)]
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(
        f"{'corpus':<6} {'model':<34} {'threshold':<17} {'CV MCC':>6} {'acc':>6} "
        f"{'caught':>6} {'blocked':>7} {'MCC':>6}  {'confusion [[TN,FP],[FN,TP]]':<28} {'fit s':>5}"
    )
    for r in rows:
        print(
            f"{r['corpus']:<6} {r['model']:<34} {r['threshold']:<17} {r['cv_mcc']:>6.4f} "
            f"{r['accuracy']:>6.4f} {r['spam_caught']:>6.4f} {r['blocked_ham']:>7.2%} "
            f"{r['mcc']:>6.4f}  {r['confusion']!s:<28} {r['fit_s']:>5.1f}"
        )
    for name in args.corpus:
        seconds = next(r["cv_s"] for r in rows if r["corpus"] == name)
        print(f"{name}: 5-fold CV of {len(DEFAULT_CANDIDATES)} candidates took {seconds:.0f} s")


if __name__ == "__main__":
    main()

"""Tour step: train the SMS spam filter (synthetic emails when the SMS data is not cached)."""

from __future__ import annotations

import json
from pathlib import Path

from level0.atomic import atomic_write_text
from level0.datasets import DatasetMissing
from level0.tour import DataKind, TourResult
from level1.spam.corpus import load_corpus, synthetic_corpus
from level1.spam.model import classify, evaluate, format_training, load_filter, save_filter, train
from level1.spam.pipeline import DEFAULT_CANDIDATES
from level1.spam.plot import plot_scores

# datagen's emails take each label's words from its own list, so any model separates them:
# the score is a smoke test of the pipeline, not a measure of spam filtering.
SYNTHETIC_CAVEAT = (
    "SYNTHETIC emails (no SMS data cached; separable by construction, so the scores mean nothing)"
)
EXAMPLES = (
    "WINNER!! You have been selected for a £900 prize. Call 09061701461 to claim now",
    "Are we still on for dinner tonight? I'll bring the cake",
)


def run(out: Path) -> TourResult:
    """Tune the linear SVM family on CV (the family the full search picks for SMS), report once."""
    data: DataKind
    try:
        corpus, data = load_corpus("sms"), "real"
    except DatasetMissing:
        corpus, data = synthetic_corpus(), "synthetic"
    svm_family = [c for c in DEFAULT_CANDIDATES if c.kind == "svm"]
    result = train(corpus, candidates=svm_family)
    model_dir = save_filter(result, out / "model")
    report_txt = out / "report.txt"
    atomic_write_text(report_txt, format_training(result) + "\n")
    verdicts = classify(result.model, EXAMPLES)
    report_json = out / "report.json"
    atomic_write_text(
        report_json,
        json.dumps(
            {
                **result.to_dict(),
                "examples": [
                    v.to_dict() | {"text": t} for v, t in zip(verdicts, EXAMPLES, strict=True)
                ],
            },
            indent=2,
        )
        + "\n",
    )
    heldout = evaluate(load_filter(model_dir), corpus)
    plot = plot_scores(
        heldout.scores,
        heldout.labels,
        result.chosen.threshold,
        out / "heldout_scores.png",
        f"{corpus.name} held-out split: {result.chosen.candidate}",
    )
    report = result.heldout
    key = (
        f"{corpus.name} held-out ({report.messages} msgs): accuracy {report.accuracy:.4f}, "
        f"spam caught {report.spam_caught:.1%}, blocked ham {report.blocked_ham:.2%}, "
        f"MCC {report.mcc:.3f}"
    )
    if data == "synthetic":
        key = f"{SYNTHETIC_CAVEAT}: {key.removeprefix(corpus.name + ' ')}"
    files = [model_dir / "model.skops", model_dir / "metadata.json", report_txt, report_json, plot]
    return TourResult(data=data, key_result=key, files=files)

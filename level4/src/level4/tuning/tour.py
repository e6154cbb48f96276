"""Tour step: a small compare of the four search methods (synthetic emails when SMS is not cached)."""

from __future__ import annotations

from pathlib import Path

from level0.atomic import atomic_write_text
from level0.datasets import DatasetMissing
from level0.tour import DataKind, TourResult
from level1.spam.corpus import load_corpus, synthetic_corpus
from level4.tuning.methods import METHODS
from level4.tuning.report import format_summary
from level4.tuning.workflow import Settings, sample_corpus, tune

SYNTHETIC_CAVEAT = (
    "SYNTHETIC emails (no SMS data cached; separable by construction, so the scores mean nothing)"
)


def run(out: Path) -> TourResult:
    """All four methods on 800 messages, 12 fits each on 2x2-fold CV; no nested CV or MLflow."""
    data: DataKind
    try:
        corpus, data = sample_corpus(load_corpus("sms"), 800), "real"
    except DatasetMissing:
        corpus, data = synthetic_corpus(rows=1000), "synthetic"
    settings = Settings(budget=12, folds=2, repeats=2, nested=False, tracking_uri="")
    summary = tune(corpus, list(METHODS), out, settings, log=lambda _: None)
    report = out / "report.txt"
    atomic_write_text(report, format_summary(summary) + "\n")
    best = ", ".join(f"{row['method']} {row['best_cv_mcc']:.3f}" for row in summary["methods"])
    held = summary["heldout"]
    key = (
        f"sms sample of 800: best CV MCC {best}; held-out ({held['messages']} msgs) "
        f"MCC {held['mcc']:.3f}, spam caught {held['spam_caught']:.1%}, "
        f"blocked ham {held['blocked_ham']:.2%}"
    )
    if data == "synthetic":
        key = f"{SYNTHETIC_CAVEAT}: {key.removeprefix('sms sample of 800: ')}"
    files = [report, out / "summary.json", out / "model" / "model.skops"]
    files += [out / name for name in summary["figures"]]
    return TourResult(data=data, key_result=key, files=files)

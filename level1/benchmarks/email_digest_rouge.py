"""ROUGE of the one-line summaries on AESLC: the position weight chosen on dev, scored on test.

    MLROADMAP_DATA=/work/shared/data python level1/benchmarks/email_digest_rouge.py

1. dev split (1,960 emails): ROUGE-L of the summariser for a range of position weights;
   the weight kept is the smallest whose ROUGE-L is within 0.001 of the best.
2. test split (1,906 emails): lead-1 (the first sentence as split), lead-1 after the
   summariser's clean-up (greetings, sign-offs and fragments removed), centrality alone
   (weight 0) and the summariser with the shipped weight, each against the three human
   subject lines, scored by Google's rouge-score (no stemming; the stemmed figures follow).

Scores are F1, averaged over emails, taking per email the best of the three references
("max", as rouge-score's score_multi does) or their mean ("mean").
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

import numpy as np
from rouge_score import rouge_scorer

from level0.datasets import DatasetMissing, locate
from level1.email_digest.aeslc import Example, load_split, score_summaries
from level1.email_digest.message import parse_bytes
from level1.email_digest.rouge import RougeScore, rouge
from level1.email_digest.summary import (
    POSITION_WEIGHT,
    Summariser,
    candidate_sentences,
    lead_sentence,
)

WEIGHTS = (0.0, 0.1, 0.2, 0.4, 0.6, 0.8, 1.0, 1.5, 3.0)
TOLERANCE = 0.001


def scorer(use_stemmer: bool) -> Callable[[str, str], dict[str, RougeScore]]:
    google = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=use_stemmer)

    def score(candidate: str, reference: str) -> dict[str, RougeScore]:
        result = google.score(reference, candidate)  # rouge-score takes (target, prediction)
        return {k: RougeScore(v.precision, v.recall, v.fmeasure) for k, v in result.items()}

    return score


def bodies(examples: list[Example]) -> list[str]:
    return [parse_bytes(e.path.read_bytes(), e.path).body for e in examples]


def pick_all(texts: list[str], weight: float, centralities: list[np.ndarray]) -> list[str]:
    summaries = []
    for text, central in zip(texts, centralities, strict=True):
        sentences = candidate_sentences(text)
        if not sentences:
            summaries.append("")
            continue
        scores = central + weight * np.exp(-np.arange(len(sentences)))
        summaries.append(sentences[int(np.argmax(scores))])
    return summaries


def centralities(texts: list[str]) -> list[np.ndarray]:
    """Centrality of every candidate sentence (weight 0), IDF learned from the split itself."""
    summariser = Summariser(position_weight=0.0).fit(texts)
    return [summariser.scores(candidate_sentences(t)) for t in texts]


def row(name: str, result: dict[str, dict[str, float]]) -> str:
    cells = [
        f"{result[how][k]:.4f}" for how in ("max", "mean") for k in ("rouge1", "rouge2", "rougeL")
    ]
    return f"| {name} | " + " | ".join(cells) + " |"


def main() -> int:
    try:
        folder = locate("aeslc") / "enron_subject_line"
    except DatasetMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    start = time.perf_counter()
    google = scorer(use_stemmer=False)

    dev = load_split(folder / "dev")
    dev_texts = bodies(dev)
    dev_central = centralities(dev_texts)
    print(f"## dev split: {len(dev)} emails, ROUGE-L (max of 3 references) by position weight\n")
    print("| position weight | ROUGE-L |")
    print("| --- | --- |")
    dev_scores = {}
    for weight in WEIGHTS:
        dev_scores[weight] = score_summaries(pick_all(dev_texts, weight, dev_central), dev, google)[
            "max"
        ]["rougeL"]
        print(f"| {weight} | {dev_scores[weight]:.4f} |")
    best = max(dev_scores.values())
    chosen = min(w for w, s in dev_scores.items() if s >= best - TOLERANCE)
    print(
        f"\nchosen: {chosen} (smallest within {TOLERANCE} of the best); shipped: {POSITION_WEIGHT}\n"
    )

    test = load_split(folder / "test")
    texts = bodies(test)
    central = centralities(texts)
    systems = {
        "lead-1 (first sentence)": [lead_sentence(t) for t in texts],
        "lead-1 after clean-up": [(candidate_sentences(t) or [""])[0] for t in texts],
        "centrality only (weight 0)": pick_all(texts, 0.0, central),
        f"ours (weight {POSITION_WEIGHT})": pick_all(texts, POSITION_WEIGHT, central),
    }
    print(f"## test split: {len(test)} emails, ROUGE F1 (rouge-score, no stemming)\n")
    print("| system | R-1 max | R-2 max | R-L max | R-1 mean | R-2 mean | R-L mean |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, summaries in systems.items():
        print(row(name, score_summaries(summaries, test, google)))
    ours = systems[f"ours (weight {POSITION_WEIGHT})"]
    print(row("ours, scored by level1's own rouge.py", score_summaries(ours, test, rouge)))
    stemmed = scorer(use_stemmer=True)
    print("\nwith Porter stemming (use_stemmer=True):\n")
    for name in ("lead-1 (first sentence)", f"ours (weight {POSITION_WEIGHT})"):
        print(row(name, score_summaries(systems[name], test, stemmed)))
    changed = sum(a != b for a, b in zip(ours, systems["lead-1 after clean-up"], strict=True))
    print(f"\nours differs from lead-1-after-clean-up on {changed} of {len(test)} test emails")
    print(f"({time.perf_counter() - start:.0f} s on this machine)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark level1.textclf on the UCI Sentiment Labelled Sentences: held-out accuracy.

    MLROADMAP_DATA=/work/shared/data python level1/benchmarks/textclf_bench.py [--seeds 5]

For each source (Amazon, Yelp, IMDB; 1,000 sentences each, fewer after removing
duplicates) and each seed, the file is split 80/20 (stratified); ``textclf train``'s
procedure (5-fold CV over nine candidates on the 80%, best one refitted) is scored on
the 20%. Seed 0 is the split the README's single-run figures use. With 200 test
sentences one run's accuracy has a standard error of about 0.028, so the mean over
seeds says more than any one split. For comparison, a plain bag of words (word counts,
logistic regression with default settings) is scored on the same splits.
"""

from __future__ import annotations

import argparse
import statistics
import time

from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from level0.datasets import locate
from level1.spam import heldout_split
from level1.textclf import read_labelled, table_format, train

SOURCES = ("amazon_cells", "yelp", "imdb")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=5, help="number of splits (default 5)")
    args = parser.parse_args()
    folder = locate("sentiment")
    print(
        f"{'source':<8} {'rows':>5} {'seed 0 (chosen model)':<44} "
        f"{'mean ± sd over seeds':<22} {'plain BoW mean':>14} {'s/run':>6}"
    )
    for source in SOURCES:
        path = folder / f"{source}_labelled.txt"
        fmt = table_format(path, header=False)
        data = read_labelled(path, fmt)
        ours, plain, seconds = [], [], []
        first = ""
        for seed in range(args.seeds):
            start = time.perf_counter()
            run = train(data, fmt, seed=seed)
            seconds.append(time.perf_counter() - start)
            assert run.heldout is not None
            ours.append(run.heldout.accuracy)
            if seed == 0:
                first = f"{run.heldout.accuracy:.3f} ({run.chosen})"
            train_idx, test_idx = heldout_split(data.labels, 0.2, seed)
            baseline = make_pipeline(CountVectorizer(), LogisticRegression(max_iter=1000))
            baseline.fit(data.texts[train_idx], data.labels[train_idx])
            plain.append(baseline.score(data.texts[test_idx], data.labels[test_idx]))
        spread = statistics.stdev(ours) if len(ours) > 1 else 0.0
        print(
            f"{source.split('_')[0]:<8} {len(data):>5} {first:<44} "
            f"{statistics.mean(ours):.3f} ± {spread:.3f}{'':<9} {statistics.mean(plain):>14.3f} "
            f"{statistics.mean(seconds):>6.1f}"
        )


if __name__ == "__main__":
    main()

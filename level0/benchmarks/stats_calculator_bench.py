"""Benchmark for level0.stats_calculator: variance accuracy far from zero, and streaming vs in-memory.

    python level0/benchmarks/stats_calculator_bench.py [--rows 2000000]

Table 1: relative error of the sample variance of ``offset + N(0, 1)`` (10,000 values)
against ``statistics.variance`` (exact rational arithmetic on the same floats), for the
textbook one-pass formula, Welford one value at a time, Welford merged in chunks, and
NumPy's two-pass ``np.var``.

Table 2: time and peak memory (max RSS of a fresh process, imports included) to describe
one column of a synthetic CSV, in memory and streamed in 100,000-row chunks.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from level0.stats_calculator import RunningStats, naive_variance

CHILD = """
import json, resource, sys, time
from level0.stats_calculator import describe, read_columns, stream_csv
path, mode = sys.argv[1], sys.argv[2]
start = time.perf_counter()
if mode == "in-memory":
    summary = describe(read_columns(path, ["x"])["x"])
else:
    summary = stream_csv(path, "x", chunk_rows=100_000)
seconds = time.perf_counter() - start
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "rss_mb": rss_mb, "variance": summary.variance_sample}))
"""


def accuracy_table(n: int = 10_000, seed: int = 0) -> list[str]:
    rng = np.random.default_rng(seed)
    noise = rng.normal(0.0, 1.0, n)
    lines = [
        f"{'offset':>8}  {'naive Σx²':>12}  {'Welford':>10}  {'chunked':>10}  {'np.var':>10}",
    ]
    for offset in (0.0, 1e3, 1e6, 1e9, 1e12):
        values = offset + noise
        exact = statistics.variance(values.tolist())
        one_by_one = RunningStats()
        for x in values.tolist():
            one_by_one.push(x)
        chunked = RunningStats()
        for start in range(0, n, 1_000):
            chunked.push_many(values[start : start + 1_000])
        errors = [
            naive_variance(values.tolist()),
            one_by_one.variance_sample,
            chunked.variance_sample,
            float(np.var(values, ddof=1)),
        ]
        cells = [f"{abs(e - exact) / exact:.1e}" for e in errors if e is not None]
        lines.append(
            f"{offset:>8.0e}  {cells[0]:>12}  {cells[1]:>10}  {cells[2]:>10}  {cells[3]:>10}"
        )
    return lines


def speed_table(rows: int) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.csv"
        rng = np.random.default_rng(1)
        pd.DataFrame({"x": 1e6 + rng.normal(0.0, 10.0, rows)}).to_csv(path, index=False)
        size_mb = path.stat().st_size / 1e6
        lines = [
            f"{rows:,} rows, {size_mb:.0f} MB CSV",
            f"{'path':<10}  {'seconds':>8}  {'max RSS MB':>10}",
        ]
        for mode in ("in-memory", "streaming"):
            out = subprocess.run(
                [sys.executable, "-c", CHILD, str(path), mode],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            result = json.loads(out)
            lines.append(f"{mode:<10}  {result['seconds']:>8.2f}  {result['rss_mb']:>10.0f}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2_000_000)
    args = parser.parse_args()
    print("relative error of the sample variance, 10,000 values offset + N(0, 1):")
    print("\n".join(accuracy_table()))
    print()
    print("\n".join(speed_table(args.rows)))


if __name__ == "__main__":
    main()

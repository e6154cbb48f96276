"""Tour step: describe a synthetic house-price column both ways and show Welford beat the naive formula."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd

from level0.atomic import atomic_open, atomic_write_text
from level0.stats_calculator.describe import correlate, describe
from level0.stats_calculator.loading import read_columns
from level0.stats_calculator.plot import plot_histogram
from level0.stats_calculator.report import as_json
from level0.stats_calculator.streaming import RunningStats, naive_variance, stream_csv
from level0.tour import TourResult

ROWS = 20_000
SEED = 0


def synthetic_houses(rows: int = ROWS, seed: int = SEED) -> pd.DataFrame:
    """Synthetic, seeded: floor area (m²) and a right-skewed price (EUR) that grows with it.

    Prices are log-normal around 2,900 EUR/m², the shape real prices have (a long right
    tail), so skewness and IQR outliers have something to show. Some prices are blank.
    """
    rng = np.random.default_rng(seed)
    area = np.round(rng.gamma(shape=9.0, scale=10.0, size=rows), 1)
    price = np.round(area * 2_900 * rng.lognormal(mean=0.0, sigma=0.35, size=rows), -2)
    price[rng.random(rows) < 0.01] = np.nan  # about 1% missing
    return pd.DataFrame({"area_m2": area, "price_eur": price})


def run(out: Path) -> TourResult:
    csv_path = out / "houses_synthetic.csv"
    with atomic_open(csv_path, "w", newline="") as handle:
        synthetic_houses().to_csv(handle, index=False)

    columns = read_columns(csv_path, ["price_eur", "area_m2"])
    summary = describe(columns["price_eur"])
    correlation = correlate(columns["price_eur"], columns["area_m2"])
    memory_report = as_json(summary, csv_path.name, "price_eur", "area_m2", correlation)
    streamed = stream_csv(csv_path, "price_eur", "area_m2", chunk_rows=4_096)
    stream_report = as_json(streamed, csv_path.name, "price_eur", other="area_m2")

    offset_values = [1e9 + v for v in (4.0, 7.0, 13.0, 16.0)]
    welford = RunningStats()
    for value in offset_values:
        welford.push(value)
    cancellation = {
        "values": "1e9 + [4, 7, 13, 16]",
        "true_sample_variance": 30.0,
        "naive_sum_of_squares": naive_variance(offset_values),
        "welford": welford.variance_sample,
    }

    json_path = out / "price_stats.json"
    report = {
        "data": "synthetic (seeded numpy), see stats_calculator/tour.py",
        "in_memory": memory_report,
        "streaming": stream_report,
        "catastrophic_cancellation": cancellation,
    }
    atomic_write_text(json_path, json.dumps(report, indent=2) + "\n")
    png_path = out / "price_histogram.png"
    plot_histogram(columns["price_eur"], png_path, label="price", unit="EUR", note="synthetic data")

    agree = math.isclose(streamed.std_population, summary.std_population, rel_tol=1e-9)
    key = (
        f"price median {summary.median:,.0f} < mean {summary.mean:,.0f} EUR (skew {summary.skewness:.2f}), "
        f"r(area) {correlation.pearson:.2f}; stream {'==' if agree else '!='} memory; "
        f"var 1e9+[4,7,13,16]: naive {cancellation['naive_sum_of_squares']:.1f}, "
        f"Welford {cancellation['welford']:.1f}"
    )
    return TourResult(data="synthetic", key_result=key, files=[csv_path, json_path, png_path])

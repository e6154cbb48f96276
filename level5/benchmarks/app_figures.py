"""The figures level5.app's README quotes: each model's held-out score and the explanations' cost.

* sentiment: the held-out accuracy ``train-defaults`` measured once on its held-out
  sentences (read from the model's metadata, not recomputed);
* housing: the 90% interval's coverage and the RMSE on level 2's test split (never
  seen in training), measured once here, overall and for districts at the census cap;
* time to answer a review with its word highlights (occlusion: one batch of variants)
  and a district with its eight swaps, median of 5 runs.

Run from the repository root (trains the two models into a temporary folder first, or
reads them from ``--models DIR``)::

    MLROADMAP_DATA=/work/shared/data .venv/bin/python level5/benchmarks/app_figures.py
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from level2.housing import TARGET, load_housing, split
from level2.housing.data import VALUE_CAP
from level2.housing.workflow import real_data_path
from level5.api.defaults import TRAINERS
from level5.api.models import HousingInput, TextInput, load_model
from level5.app.districts import load_districts
from level5.app.explain import feature_moves, word_influence

REVIEW = (
    "I bought this phone for the battery, which lasts two days, and the screen is bright and "
    "sharp. The speaker is weak and the case scratches easily, but for the price it is a "
    "great deal and I would buy it again. "
) * 8  # about 1,700 characters, a long review


def median_seconds(work: Callable[[], Any], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--models", type=Path, help="a model folder (default: train into a temp one)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        models = args.models or Path(scratch)
        for name in ("sentiment", "housing"):
            if not (models / name).is_dir():
                print(f"training {name}: {TRAINERS[name](models / name).summary}")
        sentiment, housing = load_model(models / "sentiment"), load_model(models / "housing")

        heldout = sentiment.metrics["heldout"]
        majority = max(map(sum, heldout["confusion"])) / heldout["rows"]
        rows = [
            (
                "sentiment held-out accuracy",
                f"{heldout['accuracy']:.3f} ({heldout['rows']} sentences)",
            ),
            ("  baseline: always the larger class", f"{majority:.3f}"),
        ]

        train, test = split(load_housing(real_data_path()))
        inputs = test.drop(columns=[TARGET])
        inputs = inputs.astype(object).where(inputs.notna(), None)  # missing bedrooms: None
        items = [HousingInput(**r) for r in inputs.to_dict("records")]
        answers = housing.predict(items)
        value = np.array([a["value"] for a in answers])
        low, high = np.array([a["interval"] for a in answers]).T
        truth = test[TARGET].to_numpy()
        inside = (truth >= low) & (truth <= high)
        capped = truth >= VALUE_CAP
        rows += [
            (
                "housing test RMSE (USD)",
                f"{np.sqrt(np.mean((truth - value) ** 2)):,.0f} ({len(truth)} districts)",
            ),
            (
                "  baseline: the training median",
                f"{np.sqrt(np.mean((truth - train[TARGET].median()) ** 2)):,.0f}",
            ),
            ("90% interval coverage, test split", f"{inside.mean():.3f}"),
            ("  districts below the cap", f"{inside[~capped].mean():.3f} ({(~capped).sum()})"),
            ("  districts at the cap (500,001)", f"{inside[capped].mean():.3f} ({capped.sum()})"),
        ]

        model = sentiment.saved.model
        rows.append(
            (
                f"review + highlights ({len(REVIEW):,} chars)",
                f"{median_seconds(lambda: (sentiment.predict([TextInput(text=REVIEW)]), word_influence(model, REVIEW, '1'))):.3f} s",
            )
        )
        districts = load_districts()
        district = items[0].model_dump()

        def price_with_moves() -> None:
            swaps = {s.name: s.district for s in districts.swaps(district)}
            feature_moves(
                lambda rs: [
                    p["value"]
                    for p in housing.predict([HousingInput.model_construct(**r) for r in rs])
                ],
                district,
                swaps,
            )

        rows.append(("district + 8 swaps", f"{median_seconds(price_with_moves):.3f} s"))
    width = max(len(name) for name, _ in rows)
    print(f"{'figure':<{width}}  value")
    print(f"{'-' * width}  -----")
    for name, shown in rows:
        print(f"{name:<{width}}  {shown}")
    print(f"\n(load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores while measuring)")


if __name__ == "__main__":
    main()

"""Benchmark: level0.datagen (vectorised, one NumPy call per column) against Faker row by row.

Both sides make the ``sales`` table: 10 columns (order id, date, region, channel,
product, category, units, unit price, revenue, customer name). datagen generates
1,000,000 rows; the Faker baseline builds the same columns one row at a time on a
sample (20,000 rows by default) and its rows/s are extrapolated. Also timed: writing
the million rows to CSV. Prints a table; it is not a test.

    uv run --group bench python level0/benchmarks/datagen_bench.py
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import platform
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pandas as pd
from faker import Faker

from level0.datagen import generate, preset, write

SALES = preset("sales")
COLUMNS = SALES["columns"]
T = TypeVar("T")


def faker_sales(rows: int, seed: int) -> pd.DataFrame:
    """The sales table the usual way: a Python loop, one dict per row, Faker for text."""
    fake = Faker()
    Faker.seed(seed)
    rng = random.Random(seed)
    regions = COLUMNS["region"]["values"]
    channels = COLUMNS["channel"]["values"]
    categories = COLUMNS["category"]["values"]
    products = COLUMNS["product"]["choices"]
    list_price = COLUMNS["unit_price"]["offsets"]["product"]
    start, end = dt.date(2023, 1, 1), dt.date(2024, 12, 31)
    records = []
    for number in range(1, rows + 1):
        category = rng.choices(list(categories), weights=list(categories.values()))[0]
        product = rng.choice(products[category])
        units = min(max(_poisson(rng, 3.0), 1), 50)
        unit_price = round(max(list_price[product] * rng.lognormvariate(0, 0.05), 0.5), 2)
        records.append(
            {
                "order_id": f"SO-{number:07d}",
                "date": fake.date_between(start, end),
                "region": rng.choices(list(regions), weights=list(regions.values()))[0],
                "channel": rng.choices(list(channels), weights=list(channels.values()))[0],
                "product": product,
                "category": category,
                "units": units,
                "unit_price": unit_price,
                "revenue": round(units * unit_price, 2),
                "customer": fake.name(),
            }
        )
    table = pd.DataFrame.from_records(records)
    return table.sort_values("date", kind="stable", ignore_index=True)


def _poisson(rng: random.Random, mean: float) -> int:
    """Knuth's method: multiply uniforms until the product drops below e^-mean."""
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def timed(action: Callable[[], T], repeats: int) -> tuple[float, T]:
    """The median wall time of ``repeats`` runs, and the last run's result."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--faker-rows", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    datagen_s, table = timed(lambda: generate("sales", args.rows, seed=1), args.repeats)
    faker_s, sample = timed(lambda: faker_sales(args.faker_rows, seed=1), 1)
    assert list(sample.columns) == list(table.columns)  # the same table shape on both sides
    with tempfile.TemporaryDirectory() as folder:
        csv_s, _ = timed(lambda: write(table, Path(folder) / "sales.csv"), 1)

    datagen_rate = args.rows / datagen_s
    faker_rate = args.faker_rows / faker_s
    rows = [
        ("datagen.generate (vectorised)", args.rows, datagen_s, datagen_rate),
        ("Faker, row by row", args.faker_rows, faker_s, faker_rate),
        ("datagen.write, CSV", args.rows, csv_s, args.rows / csv_s),
    ]
    print(
        f"sales table, {len(table.columns)} columns; {platform.python_version()}, {os.cpu_count()} CPUs"
    )
    print(f"{'method':<32}{'rows':>12}{'seconds':>10}{'rows/s':>14}")
    for name, count, seconds, rate in rows:
        print(f"{name:<32}{count:>12,}{seconds:>10.2f}{rate:>14,.0f}")
    print(f"speed-up over Faker: {datagen_rate / faker_rate:,.0f}x (goal: 50x)")


if __name__ == "__main__":
    main()

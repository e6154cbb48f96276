"""Search speed of the note store: FTS5 index against LIKE scans, on the same synthetic notes.

    python level0/benchmarks/note_manager_bench.py [--notes 20000] [--repeat 20]

Prints one row per (query, backend): hits and the median milliseconds of one search.
The notes are synthetic (words drawn from a fixed vocabulary with a seeded RNG).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from level0.note_manager import NoteStore

COMMON = [f"w{i:03d}" for i in range(400)]  # fixed width: "w007" is no prefix of another word
RARE = ["zeppelin", "quokka", "saffron"]
QUERIES = ["quokka", "w007 w008", "w007", "w00"]  # ever more hits; "w00" is a prefix of ten words


def make_notes(count: int, seed: int = 0) -> list[tuple[str, str, list[str]]]:
    rng = random.Random(seed)
    notes = []
    for i in range(count):
        words = rng.choices(COMMON, k=60)
        if i % 500 == 0:
            words.append(rng.choice(RARE))
        notes.append(
            (" ".join(words[:4]), " ".join(words), rng.sample(["work", "home", "ideas"], k=1))
        )
    return notes


def median_ms(store: NoteStore, query: str, repeat: int) -> tuple[int, float]:
    times, hits = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        hits = len(store.search(query))
        times.append((time.perf_counter() - start) * 1000)
    return hits, statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--notes", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        start = time.perf_counter()
        with NoteStore(path) as store:
            store.create_many(make_notes(args.notes))
        print(
            f"{args.notes:,} notes written in {time.perf_counter() - start:.1f} s (one transaction)\n"
        )
        print(f"{'query':<14} {'backend':<8} {'hits':>6} {'ms/search':>10}")
        for query in QUERIES:
            for backend in ("fts5", "like"):
                with NoteStore(path, search=backend) as store:
                    hits, ms = median_ms(store, query, args.repeat)
                print(f"{query!r:<14} {backend:<8} {hits:>6} {ms:>10.1f}")


if __name__ == "__main__":
    main()

"""Benchmark: how fast every CLI of every installed level answers ``--help`` and a usage error.

The target (issue 10) is under 0.5 s for each: a CLI parses its arguments before it
imports scikit-learn, pandas or matplotlib, so asking for help never waits for them.
Each figure is the median of ``--repeat`` runs in a fresh interpreter, with bytecode
already compiled (one warm-up run first). Prints a table; it is not a test.

    python level0/benchmarks/cli_startup_bench.py [--repeat 5] [--json]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import time

from level0.robustness import find_clis

TARGET_SECONDS = 0.5


def installed_levels() -> list[str]:
    return [f"level{n}" for n in range(8) if importlib.util.find_spec(f"level{n}") is not None]


def seconds_for(argv: list[str], repeat: int) -> float:
    """The median wall time of ``python -m argv`` over ``repeat`` runs, after one warm-up."""
    times = []
    for attempt in range(repeat + 1):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", *argv], capture_output=True, check=False, timeout=120)
        if attempt:  # the first run compiles bytecode; it is not what a user waits for
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per command (default 5)")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()
    rows = []
    for level in installed_levels():
        for module in [level, *find_clis(level)]:
            rows.append(
                {
                    "cli": module,
                    "help_s": seconds_for([module, "--help"], args.repeat),
                    "usage_error_s": seconds_for([module, "--no-such-flag"], args.repeat),
                }
            )
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        print(f"{'cli':<28} {'--help (s)':>10} {'usage error (s)':>16}")
        for row in rows:
            print(f"{row['cli']:<28} {row['help_s']:>10.3f} {row['usage_error_s']:>16.3f}")
    slowest = max(max(row["help_s"], row["usage_error_s"]) for row in rows)
    print(
        f"\nslowest: {slowest:.3f} s (target < {TARGET_SECONDS} s); python {sys.version.split()[0]}"
    )
    return 0 if slowest < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())

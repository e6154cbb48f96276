"""Wall time of pipetest against pytest on the same example corpus, both as fresh processes.

    python level4/benchmarks/pipetest_vs_pytest.py [--repeats 5]

Each tool runs ``examples/suite`` (49 tests: passing, failing, erroring, fixtures of every
scope, parametrized, skip/xfail) in a new Python process; the table shows the median
wall time (pytest with the plugins this environment installs, and with plugin autoloading
off) and whether both report the same outcome for every test (the oracle).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from level4.pipetest.oracle import compare

EXAMPLES = Path(__file__).parents[1] / "src" / "level4" / "pipetest" / "examples" / "suite"


def wall(command: list[str], cwd: Path) -> float:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    if command[0] == "no-autoload":  # pytest without the plugins installed in this environment
        command, env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = command[1:], "1"
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, capture_output=True, check=False, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        suite = Path(scratch) / "suite"
        shutil.copytree(EXAMPLES, suite)
        ini = Path(scratch) / "pytest.ini"
        ini.write_text("[pytest]\n")
        pytest = [sys.executable, "-m", "pytest", str(suite), "-c", str(ini)]
        pytest += ["--rootdir", str(suite), "-p", "no:cacheprovider", "-q"]
        commands = {
            "pipetest": [sys.executable, "-m", "level4.pipetest", str(suite)],
            "pytest": [*pytest, "-p", "no:mlroadmap"],
            "pytest, no plugins": ["no-autoload", *pytest],
            "python (startup only)": [sys.executable, "-c", "pass"],
        }
        times = {
            name: [wall(cmd, suite) for _ in range(args.repeats)] for name, cmd in commands.items()
        }
        comparison = compare(suite)
    print(f"{'tool':<22} {'median s':>9} {'min s':>7}")
    for name, values in times.items():
        print(f"{name:<22} {statistics.median(values):>9.3f} {min(values):>7.3f}")
    agree = len(comparison.ours.outcomes) - len(comparison.different) - len(comparison.only_ours)
    print(
        f"\noutcomes agree on {agree}/{len(comparison.theirs.outcomes)} tests; exit codes "
        f"pipetest {comparison.ours.exit_code}, pytest {comparison.theirs.exit_code}"
    )


if __name__ == "__main__":
    main()

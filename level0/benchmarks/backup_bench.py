"""Benchmark level0.backup: a full snapshot of 10,000 files, then an incremental one.

The incremental snapshot comes after 1% of the files were rewritten. It copies those
files and hard-links the rest. The goal is at most 1/10 of the full snapshot's time.

    python level0/benchmarks/backup_bench.py [--files 10000] [--changed 0.01]
        [--sizes small|mixed] [--repeat 3] [--seed 0]

The tree is synthetic (random bytes in 100 folders):

* ``small``: every file 0.5-16 KB (uniform), about 84 MB in all. Here the cost is
  counted in files, and an incremental run still pays one stat and one link per file.
* ``mixed``: log-normal sizes, median 4 KB, a few files of several MB, about 10x the
  bytes. Real home folders look more like this.

The mtimes are set one hour back, as for files nobody edited just before the
backup (files edited within 2 s of the previous scan are re-hashed: the racy-file
rule). Dirty pages are flushed (``os.sync``) before each timed run. Each row is
the median of ``--repeat`` runs, each into a fresh destination.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from level0.backup import BackupReport, backup, verify


def file_size(rng: random.Random, sizes: str) -> int:
    if sizes == "small":
        return rng.randint(512, 16_384)
    return min(int(rng.lognormvariate(mu=8.3, sigma=2.0)), 16_000_000)  # median e^8.3 = 4 KB


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed_backup(source: Path, dest: Path) -> tuple[BackupReport, float]:
    """A backup and the CPU time it used (user + system): less sensitive to a busy machine."""
    before = cpu_seconds()
    report = backup(source, dest, progress=False)
    return report, cpu_seconds() - before


def make_tree(root: Path, files: int, sizes: str, rng: random.Random) -> list[Path]:
    past = time.time_ns() - 3600 * 10**9
    paths = []
    for i in range(files):
        path = root / f"folder-{i % 100:03d}" / f"file-{i:05d}.bin"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(rng.randbytes(file_size(rng, sizes)))
        os.utime(path, ns=(past, past))
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--changed", type=float, default=0.01, help="fraction rewritten")
    parser.add_argument("--sizes", choices=["small", "mixed"], default="small")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="backup-bench-"))
    try:
        source = work / "source"
        paths = make_tree(source, args.files, args.sizes, rng)
        total = sum(p.stat().st_size for p in paths)
        times: dict[str, list[float]] = {"full": [], "incremental": [], "no change": []}
        cpu: dict[str, list[float]] = {key: [] for key in times}
        for attempt in range(args.repeat):
            dest = work / f"dest-{attempt}"
            os.sync()  # the full snapshot should not pay for flushing what we wrote before
            full, full_cpu = timed_backup(source, dest)
            for path in rng.sample(paths, max(1, round(args.files * args.changed))):
                path.write_bytes(rng.randbytes(file_size(rng, args.sizes)))
            os.sync()
            incremental, incremental_cpu = timed_backup(source, dest)
            unchanged, unchanged_cpu = timed_backup(source, dest)
            for name, run, used in (
                ("full", full, full_cpu),
                ("incremental", incremental, incremental_cpu),
                ("no change", unchanged, unchanged_cpu),
            ):
                times[name].append(run.seconds)
                cpu[name].append(used)
            assert incremental.changed + incremental.new == round(args.files * args.changed)
            assert incremental.path is not None
            began = time.perf_counter()
            checked = verify(incremental.path)
            verify_seconds = time.perf_counter() - began
            assert checked.ok, checked.problems
            # No cleanup between runs: deleting 10,000 files (on a disk mounted with
            # 'discard') keeps the device busy and slows the next full run.

        print(f"tree: {args.files} files, {total / 1e6:.1f} MB ({args.sizes}), seed {args.seed}")
        print(f"median of {args.repeat} runs; copied = files stored anew, linked = hard links")
        print(
            f"{'run':<28}{'seconds':>9}{'(min-max)':>14}{'cpu s':>8}"
            f"{'copied':>8}{'linked':>8}{'MB copied':>11}"
        )
        rows = [
            ("full snapshot", "full", full),
            (f"incremental ({args.changed:.0%} changed)", "incremental", incremental),
            ("incremental (no change)", "no change", unchanged),
        ]
        for label, key, run in rows:
            seconds = statistics.median(times[key])
            spread = f"{min(times[key]):.2f}-{max(times[key]):.2f}"
            copied, mb = run.new + run.changed, run.bytes_copied / 1e6
            used = statistics.median(cpu[key])
            print(
                f"{label:<28}{seconds:>9.2f}{spread:>14}{used:>8.2f}"
                f"{copied:>8}{run.unchanged:>8}{mb:>11.2f}"
            )
        ratio = statistics.median(times["incremental"]) / statistics.median(times["full"])
        ratios = [i / f for i, f in zip(times["incremental"], times["full"], strict=True)]
        verdict = "met" if ratio <= 0.1 else "NOT met"
        cpu_ratio = statistics.median(cpu["incremental"]) / statistics.median(cpu["full"])
        print(
            f"incremental / full = {ratio:.3f} of the medians "
            f"(per run {min(ratios):.3f}-{max(ratios):.3f}; goal <= 0.100: {verdict})"
        )
        print(f"the same ratio in CPU time: {cpu_ratio:.3f}")
        print(f"verify of the last incremental snapshot: {verify_seconds:.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

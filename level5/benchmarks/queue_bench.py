"""Benchmark the prediction queue: jobs/s through two RQ workers against a process pool.

1,000 jobs of spam predictions (one SMS each, then 32 each), each setup doing the same
work, :func:`level5.api.queue.predict_batch` (validate, predict):

* one process predicting the batches in a loop (what one core does without a queue);
* ``concurrent.futures.ProcessPoolExecutor(2)`` (no Redis, no durability);
* two ``python -m level5.api worker`` processes, RQ's ``SimpleWorker`` (this project's choice);
* two workers with RQ's default forking ``Worker`` (a child process per job).

The clock runs from the first submission to the last result, with the workers (or the
pool's processes) started and their model loaded beforehand, on a real redis-server on
loopback. Every queued result is then compared with the in-process prediction. A second
table times a worker's stop after SIGTERM sent at a random moment just after it started,
with RQ's stock ``SimpleWorker`` (pub/sub thread) and with ours (no pub/sub; rq #1613).
The machine is shared: the load average is printed next to each figure. Run from the
repository root:

    MLROADMAP_DATA=/work/shared/data .venv/bin/python level5/benchmarks/queue_bench.py
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from rq import Queue, Worker

from level5.api import queue as jobs
from level5.services import Service, start, start_redis

Batch = list[dict[str, Any]]


def spam_texts(count: int) -> list[str]:
    """Real SMS messages when the collection is cached, else level 1's synthetic ones."""
    from level0.datasets import DatasetMissing
    from level1.spam import load_corpus

    try:
        corpus = load_corpus("sms")
    except DatasetMissing:
        corpus = load_corpus("synthetic")
    return [str(corpus.texts[i % len(corpus.texts)]) for i in range(count)]


def load() -> str:
    return f"{os.getloadavg()[0]:.1f}"


@contextmanager
def workers(url: str, models: Path, logs: Path, *, forking: bool, count: int = 2) -> Iterator[None]:
    """``count`` workers running and idle, models loaded; stopped by PID afterwards."""
    code = (
        "import sys; from level5.api.queue import run_worker; "
        f"sys.exit(run_worker({url!r}, {str(models)!r}, forking={forking}))"
    )
    conn = jobs.connect(url)
    with ExitStack() as stack:
        for index in range(count):
            log = logs / f"worker-{forking}-{index}-{time.monotonic_ns()}.log"
            stack.enter_context(start_worker(code, log))
        while sum(w.get_state() == "idle" for w in Worker.all(connection=conn)) < count:
            time.sleep(0.05)
        yield


def start_worker(code: str, log: Path) -> Service:
    def ready() -> bool:
        return log.is_file() and " serving " in log.read_text()

    return start("worker", [sys.executable, "-c", code], port=0, ready=ready, log=log)


def through_queue(url: str, models: Path, batches: list[Batch], expected: list[Any]) -> float:
    """Seconds from the first submission to the last finished job; checks every result."""
    conn = jobs.connect(url)
    finished = Queue(jobs.QUEUE_NAME, connection=conn).finished_job_registry
    failed = Queue(jobs.QUEUE_NAME, connection=conn).failed_job_registry
    start_time = time.perf_counter()
    ids = [jobs.submit(conn, "spam", batch, models_dir=str(models)) for batch in batches]
    while finished.get_job_count(cleanup=False) + failed.get_job_count(cleanup=False) < len(ids):
        time.sleep(0.01)
    seconds = time.perf_counter() - start_time
    results = [(jobs.job_status(conn, job_id) or {}).get("result") for job_id in ids]
    wrong = sum(result != want for result, want in zip(results, expected, strict=True))
    if wrong:
        raise SystemExit(f"{wrong} of {len(ids)} queued results differ from in-process ones")
    conn.flushdb()
    return seconds


def through_pool(models: Path, batches: list[Batch], expected: list[Any]) -> float:
    with ProcessPoolExecutor(2, initializer=jobs.predict_batch, initargs=warm_up(models)) as pool:
        for warming in [pool.submit(jobs.predict_batch, *warm_up(models)) for _ in range(4)]:
            warming.result()  # both processes started, model loaded
        start_time = time.perf_counter()
        futures = [pool.submit(jobs.predict_batch, "spam", batch, str(models)) for batch in batches]
        results = [future.result() for future in futures]
        seconds = time.perf_counter() - start_time
    if results != expected:
        raise SystemExit("the pool's results differ from the in-process ones")
    return seconds


def in_a_loop(models: Path, batches: list[Batch], expected: list[Any]) -> float:
    start_time = time.perf_counter()
    results = [jobs.predict_batch("spam", batch, str(models)) for batch in batches]
    seconds = time.perf_counter() - start_time
    assert results == expected
    return seconds


def warm_up(models: Path) -> tuple[str, Batch, str]:
    return ("spam", [{"text": "warm up"}], str(models))


def compare(
    url: str, models: Path, logs: Path, batches: list[Batch], expected: list[Any]
) -> list[tuple[str, Callable[[], float]]]:
    """The four setups, each a function returning the seconds one run took."""

    def queued(forking: bool) -> Callable[[], float]:
        def run() -> float:
            with workers(url, models, logs, forking=forking):
                return through_queue(url, models, batches, expected)

        return run

    return [
        ("one process, a loop (no queue)", lambda: in_a_loop(models, batches, expected)),
        ("ProcessPoolExecutor(2)", lambda: through_pool(models, batches, expected)),
        ("RQ SimpleWorker x2 (chosen)", queued(forking=False)),
        ("RQ Worker x2 (fork per job)", queued(forking=True)),
    ]


def measure_throughput(args: argparse.Namespace, url: str, models: Path, logs: Path) -> None:
    print(
        f"\n{args.jobs:,} jobs of spam predictions, median of {args.repeat} runs "
        f"(jobs/s; items/s = jobs/s x items per job)"
    )
    print(f"{'setup':<34} {'items/job':>9} {'jobs/s':>8} {'items/s':>9}  runs (jobs/s)  load 1-min")
    for size in args.sizes:
        texts = spam_texts(args.jobs * size)
        batches = [
            [{"text": t} for t in texts[i * size : (i + 1) * size]] for i in range(args.jobs)
        ]
        expected = [jobs.predict_batch("spam", batch, str(models)) for batch in batches]
        setups = compare(url, models, logs, batches, expected)
        for label, run in setups:
            loads = [load()]
            rates = [args.jobs / run() for _ in range(args.repeat)]
            loads.append(load())
            rate = statistics.median(rates)
            runs = ", ".join(f"{r:.0f}" for r in rates)
            print(
                f"{label:<34} {size:>9} {rate:>8.0f} {rate * size:>9.0f}  {runs:<13}  "
                f"{' -> '.join(loads)}",
                flush=True,
            )


STOCK_WORKER = """
import sys
from rq import SimpleWorker
from level5.api.queue import QUEUE_NAME, connect
worker = SimpleWorker([QUEUE_NAME], connection=connect({url!r}))
print("worker", worker.name, "on redis serving nothing", flush=True)
worker.work(logging_level="WARNING")
"""


def measure_stops(args: argparse.Namespace, url: str, models: Path, logs: Path) -> None:
    print(
        f"\nstop after SIGTERM sent 0-{args.stop_window} s after the worker said it was ready "
        f"({args.stop_trials} trials each)"
    )
    print(f"{'worker':<42} {'median s':>8} {'max s':>7} {'over 5 s':>8}  load 1-min")
    ours = (
        "import sys; from level5.api.queue import run_worker; "
        f"sys.exit(run_worker({url!r}, {str(models)!r}))"
    )
    rng = random.Random(0)
    for label, code in (
        ("RQ SimpleWorker, stock (pub/sub thread)", STOCK_WORKER.format(url=url)),
        ("PredictionWorker (SimpleWorker, no pub/sub)", ours),
    ):
        loads = [load()]
        seconds = []
        for trial in range(args.stop_trials):
            service = start_worker(code, logs / f"stop-{len(label)}-{trial}.log")
            time.sleep(rng.uniform(0, args.stop_window))
            begun = time.perf_counter()
            service.stop(timeout=120)
            seconds.append(time.perf_counter() - begun)
        loads.append(load())
        slow = sum(s > 5 for s in seconds)
        print(
            f"{label:<42} {statistics.median(seconds):>8.2f} {max(seconds):>7.2f} "
            f"{slow:>8}  {' -> '.join(loads)}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=1000)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 32], help="items per job")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stop-trials", type=int, default=10)
    parser.add_argument("--stop-window", type=float, default=0.3, help="seconds")
    parser.add_argument(
        "--models", type=Path, help="a model folder with spam/ (default: train one)"
    )
    args = parser.parse_args()
    print(
        f"{os.cpu_count()} cores; Python {sys.version.split()[0]}; load average at start {load()}"
    )
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        models = args.models
        if models is None:
            from level5.api.defaults import train_defaults

            models = work / "models"
            train_defaults(models, ("spam",))
        with start_redis(work / "redis") as redis_server:
            measure_throughput(args, redis_server.url, models, work)
            measure_stops(args, redis_server.url, models, work)


if __name__ == "__main__":
    main()

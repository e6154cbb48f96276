"""Tour step: the whole service on loopback, as a user runs it, then stopped again.

Trains the model folder (or reuses ``out/models``), starts Redis, ``python -m level5.api
serve`` with 2 gunicorn workers and a queue worker, sends single, batch and queued
predictions, scrapes ``/metrics`` and writes what came back to ``out``. Everything it
started is stopped by PID in ``finally`` blocks, whatever happens.
"""

from __future__ import annotations

import json
import re
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import requests

from level0.atomic import atomic_write_text
from level0.tour import DataKind, TourResult
from level5.api.client import get_json, predict, submit_job
from level5.api.defaults import train_defaults
from level5.api.models import load_folder
from level5.services import free_port, http_ready, python_module, start, start_redis

MESSAGES = (
    "Are we still on for dinner tonight? I'll bring the cake",
    "WINNER!! You have been selected for a £900 prize. Call 09061701461 to claim now",
    "Sorry, I'll call you later, in a meeting",
    "Can you pick up some milk on the way home?",
)
JOB_WAIT = 60.0  # seconds


def model_folder(out: Path) -> tuple[Path, bool]:
    """``out/models``, trained unless it already serves the spam filter; whether spam is real."""
    folder = out / "models"
    served = load_folder(folder)[0] if folder.is_dir() else {}
    if "spam" not in served:
        train_defaults(folder)
        served = load_folder(folder)[0]
    synthetic = served["spam"].saved.metadata.get("extra", {}).get("synthetic", True)
    return folder, not synthetic


def wait_for_job(url: str) -> dict[str, Any]:
    deadline = time.monotonic() + JOB_WAIT
    status: dict[str, Any] = get_json(url)
    while status["status"] in ("queued", "started") and time.monotonic() < deadline:
        time.sleep(0.1)
        status = get_json(url)
    return status


def run(out: Path) -> TourResult:
    folder, real = model_folder(out)
    logs = out / "logs"
    with ExitStack() as stack:  # each service is stopped on the way out, last started first
        redis = stack.enter_context(start_redis(out / "redis"))
        port = free_port()
        serve = python_module(
            "level5.api", "serve", "--models", str(folder), "--port", str(port),
            "--workers", "2", "--redis", redis.url,
        )  # fmt: skip
        api = stack.enter_context(
            start(
                "api",
                serve,
                port=port,
                ready=http_ready(f"http://127.0.0.1:{port}/ready"),
                log=logs / "api.log",
            )
        )
        worker_log = logs / "worker.log"
        worker = python_module(
            "level5.api", "worker", "--redis", redis.url, "--models", str(folder)
        )
        stack.enter_context(
            start(
                "worker",
                worker,
                port=0,
                ready=lambda: "serving" in worker_log.read_text(),
                log=worker_log,
            )
        )

        singles = [predict(api.url, "spam", [{"text": text}])[0] for text in MESSAGES]
        batch_inputs = [{"text": MESSAGES[i % len(MESSAGES)]} for i in range(32)]
        started = time.perf_counter()
        batch = predict(api.url, "spam", batch_inputs)
        batch_ms = (time.perf_counter() - started) * 1000
        job = wait_for_job(submit_job(api.url, "spam", batch_inputs[:4]))
        metrics = requests.get(f"{api.url}/metrics", timeout=10).text

    predictions = out / "predictions.json"
    report = {"single": singles, "batch_of_32": batch, "batch_ms": batch_ms, "job": job}
    atomic_write_text(predictions, json.dumps(report, indent=2) + "\n")
    metrics_file = out / "metrics.txt"
    atomic_write_text(metrics_file, metrics)

    labels = [p["label"] for p in singles]
    counted = sum(
        float(v) for v in re.findall(r"^level5_api_requests_total\{.*\} (\S+)$", metrics, re.M)
    )
    workers = len(set(re.findall(r'^level5_api_models_loaded\{pid="(\d+)"\}', metrics, re.M)))
    key = (
        f"spam: {labels.count('ham')} ham / {labels.count('spam')} spam; batch of 32 in "
        f"{batch_ms:.0f} ms; job {job['status']}; /metrics counted {counted:.0f} requests "
        f"over {workers} workers"
    )
    data: DataKind = "real" if real else "synthetic"
    files = [predictions, metrics_file, logs / "api.log", logs / "worker.log"]
    return TourResult(data=data, key_result=key, files=files)

"""The API as it runs in production: gunicorn with 2 workers, a real Redis, a real queue worker.

Everything is started the way a user starts it (``python -m level5.api serve`` and
``worker``) on free loopback ports, and stopped by PID at the end.
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from level5.services import Service, free_port, http_ready, python_module, start

SPAM = "WINNER!! You have won a £1000 prize. Call 09061701461 now to claim"
HAM = "Are we still on for dinner tonight? I'll bring the cake"


@pytest.fixture(scope="module")
def server(
    model_folder: Path,
    redis_server: Service,
    reload_token: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Service]:
    """``serve`` with 2 gthread workers and one queue worker, both on the test Redis."""
    logs = tmp_path_factory.mktemp("server")
    port = free_port()
    serve = python_module(
        "level5.api", "serve", "--models", str(model_folder), "--port", str(port),
        "--workers", "2", "--redis", redis_server.url,
    )  # fmt: skip
    api = start(
        "api",
        serve,
        port=port,
        ready=http_ready(f"http://127.0.0.1:{port}/ready"),
        log=logs / "api.log",
        env={"LEVEL5_RELOAD_TOKEN": reload_token},
    )
    worker_log = logs / "worker.log"
    worker_argv = python_module(
        "level5.api", "worker", "--redis", redis_server.url, "--models", str(model_folder)
    )
    try:
        worker = start(
            "worker",
            worker_argv,
            port=0,
            ready=lambda: "serving" in worker_log.read_text(),
            log=worker_log,
        )
    except BaseException:
        api.stop()
        raise
    try:
        yield api
    finally:
        worker.stop()
        api.stop()


def predict_total(metrics_text: str) -> float:
    pattern = r'level5_api_requests_total\{method="POST",route="/v1/models/<name>/predict",status="200"\} (\S+)'
    found = re.search(pattern, metrics_text)
    return float(found.group(1)) if found else 0.0


def test_single_and_batch_predictions(server):
    from level5.api.client import predict

    (single,) = predict(server.url, "spam", [{"text": SPAM}])
    assert single["label"] == "spam"
    batch = predict(server.url, "spam", [{"text": t} for t in [SPAM, HAM] * 16])
    assert [p["label"] for p in batch] == ["spam", "ham"] * 16


def test_a_queued_batch_is_answered_by_the_worker(server):
    from level5.api.client import get_json, predict, submit_job

    inputs = [{"text": SPAM}, {"text": HAM}]
    job_url = submit_job(server.url, "spam", inputs)
    deadline = time.monotonic() + 60
    status = get_json(job_url)
    while status["status"] in ("queued", "started") and time.monotonic() < deadline:
        time.sleep(0.1)
        status = get_json(job_url)
    assert status["status"] == "finished", status
    assert status["result"] == predict(server.url, "spam", inputs)


def test_metrics_add_up_over_both_workers(server):
    before = predict_total(requests.get(f"{server.url}/metrics", timeout=10).text)
    url = f"{server.url}/v1/models/spam/predict"

    def ask(index: int) -> int:  # a new connection each time, so either worker may answer
        return requests.post(
            url, json={"input": {"text": f"message {index}"}}, timeout=10
        ).status_code

    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(ask, range(60))) == {200}
    text = requests.get(f"{server.url}/metrics", timeout=10).text
    assert predict_total(text) - before == 60
    workers = re.findall(r'level5_api_models_loaded\{pid="(\d+)"\} 4\.0', text)
    assert len(set(workers)) == 2


def test_the_predict_command_asks_the_server(server):
    done = subprocess.run(
        [*python_module("level5.api", "predict", server.url, "spam", SPAM, HAM), "--json"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert [p["label"] for p in json.loads(done.stdout)] == ["spam", "ham"]


def test_the_predict_command_reports_a_refusal_in_one_line(server):
    done = subprocess.run(
        python_module("level5.api", "predict", server.url, "iris", '{"sepal_length": "x"}'),
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("error: the server answered 422")


def worker_pids(base_url: str) -> set[str]:
    text = requests.get(f"{base_url}/metrics", timeout=10).text
    return set(re.findall(r'level5_api_models_loaded\{pid="(\d+)"\}', text))


def test_reload_replaces_every_worker(server, reload_token):
    before = worker_pids(server.url)
    answer = requests.post(
        f"{server.url}/v1/admin/reload",
        headers={"Authorization": f"Bearer {reload_token}"},
        timeout=30,
    )
    assert answer.status_code == 200
    deadline = time.monotonic() + 90
    after: set[str] = set()
    while not (len(after) == 2 and not after & before) and time.monotonic() < deadline:
        time.sleep(0.5)
        try:
            after = worker_pids(server.url)
        except requests.Timeout:  # a scrape can wait on a worker still loading its models
            continue
    assert len(after) == 2
    assert not after & before
    assert requests.get(f"{server.url}/ready", timeout=10).status_code == 200

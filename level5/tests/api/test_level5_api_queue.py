"""Queued predictions on a real redis-server with real worker processes.

One Redis serves the module; each test that starts or kills its own workers uses its
own Redis database (``/1``, ``/2``…), so their queues never meet the shared worker's.
Workers are started as a user starts them and stopped (or killed) by PID.
"""

from __future__ import annotations

import re
import shutil
import signal
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from rq.job import Job
from rq.serializers import JSONSerializer

from level1.modelstore import ModelError
from level5.api.models import EXAMPLE_DISTRICT, ServedModel, load_folder
from level5.services import Service, free_port, python_module, start, start_redis

HANG_GUARD = 120.0  # seconds; a job that takes longer is stuck, not slow
DISTRICT = {**EXAMPLE_DISTRICT, "total_bedrooms": None}
# About a second of work for the spam model on a busy 2-core machine: long enough to be
# caught "started", short enough for the suite.
SLOW_BATCH = [
    {"text": f"WINNER {i}! Claim your free prize now, call 0800 {i}"} for i in range(8000)
]


@pytest.fixture(scope="module")
def queue(solution: Callable[[str], ModuleType]) -> ModuleType:
    return solution("level5.api.queue")


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    with start_redis(tmp_path_factory.mktemp("redis")) as server:
        yield server


@pytest.fixture(scope="module")
def spam_only(model_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the spam model alone: workers that load only it start faster."""
    folder = tmp_path_factory.mktemp("spam-only")
    shutil.copytree(model_folder / "spam", folder / "spam")
    return folder


def start_worker(redis_url: str, models: Path, log: Path) -> Service:
    """``python -m level5.api worker``; ready once it says which models it serves."""
    argv = python_module("level5.api", "worker", "--redis", redis_url, "--models", str(models))

    def ready() -> bool:
        return log.is_file() and " serving " in log.read_text()

    return start("worker", argv, port=0, ready=ready, log=log)


def worker_name(service: Service) -> str:
    found = re.search(r"^worker (\S+) on ", service.log.read_text(), re.MULTILINE)
    assert found, service.tail()
    return found.group(1)


@pytest.fixture(scope="module")
def worker(
    redis_server: Service, model_folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Service]:
    """One worker serving the whole default folder on database 0, for the whole module."""
    service = start_worker(redis_server.url, model_folder, tmp_path_factory.mktemp("w") / "w.log")
    yield service
    service.stop()


def database(redis_server: Service, number: int) -> str:
    return redis_server.url.rsplit("/", 1)[0] + f"/{number}"


def wait_for(queue: ModuleType, conn: Any, job_id: str, states: set[str]) -> dict[str, Any]:
    deadline = time.monotonic() + HANG_GUARD
    while True:
        status: dict[str, Any] = queue.job_status(conn, job_id)
        if status["status"] in states:
            return status
        assert time.monotonic() < deadline, f"job stuck: {status}"
        time.sleep(0.02)


def wait_until_started_by(conn: Any, job_id: str, name: str) -> None:
    """Until the job runs in the worker called ``name`` (not an earlier, dead one)."""
    deadline = time.monotonic() + HANG_GUARD
    while True:
        job = Job.fetch(job_id, connection=conn, serializer=JSONSerializer)
        if job.get_status() == "started" and job.worker_name == name:
            return
        assert time.monotonic() < deadline, f"never started by {name}: {job.get_status()}"
        time.sleep(0.02)


def in_process(model: ServedModel, inputs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return model.predict([model.kind.input.model_validate(item) for item in inputs])


@pytest.fixture(scope="module")
def served(model_folder: Path) -> dict[str, ServedModel]:
    models, failures = load_folder(model_folder)
    assert not failures
    return models


# --- the happy path ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "inputs"),
    [
        ("spam", [{"text": "WINNER!! Claim your £1000 prize now"}, {"text": "See you at 6?"}]),
        ("sentiment", [{"text": "Great phone, love it"}, {"text": "Broke after a day"}]),
        ("housing", [DISTRICT, {**DISTRICT, "median_income": 2.1, "ocean_proximity": "INLAND"}]),
        (
            "iris",
            [{"sepal_length": 5.1, "sepal_width": 3.5, "petal_length": 1.4, "petal_width": 0.2}],
        ),
    ],
)
def test_a_queued_batch_finishes_with_the_in_process_predictions(
    queue: ModuleType,
    redis_server: Service,
    worker: Service,
    model_folder: Path,
    served: dict[str, ServedModel],
    model: str,
    inputs: list[dict[str, Any]],
) -> None:
    conn = queue.connect(redis_server.url)
    job_id = queue.submit(conn, model, inputs, models_dir=str(model_folder))
    status = wait_for(queue, conn, job_id, {"finished", "failed"})
    assert status["status"] == "finished", status
    assert status["result"] == in_process(served[model], inputs)
    assert status["id"] == job_id
    assert status["model"] == model
    assert status["error"] is None
    assert status["submitted"] <= status["ended"]


def test_a_fresh_job_is_queued_and_unknown_ids_are_none(
    queue: ModuleType, redis_server: Service, model_folder: Path
) -> None:
    conn = queue.connect(database(redis_server, 5))  # no worker listens here
    job_id = queue.submit(conn, "spam", [{"text": "hello"}], models_dir=str(model_folder))
    status = queue.job_status(conn, job_id)
    assert status["status"] == "queued"
    assert status["result"] is None
    assert status["ended"] is None
    assert status["error"] is None
    for unknown in (str(uuid.uuid4()), "", "../etc/passwd", "rq:queues", "x" * 10_000):
        assert queue.job_status(conn, unknown) is None


def test_a_job_lives_in_redis_not_in_the_api_process(
    queue: ModuleType, redis_server: Service, worker: Service, model_folder: Path
) -> None:
    """The API is stateless: a job submitted on one connection, which then goes away (an
    API restart), is read back complete on a new one."""
    before = queue.connect(redis_server.url)
    job_id = queue.submit(
        before, "spam", [{"text": "Call now to claim"}], models_dir=str(model_folder)
    )
    before.close()
    after = queue.connect(redis_server.url)
    status = wait_for(queue, after, job_id, {"finished", "failed"})
    assert status["status"] == "finished"
    assert len(status["result"]) == 1


def test_an_input_the_model_refuses_fails_the_job_with_a_one_line_reason(
    queue: ModuleType, redis_server: Service, worker: Service, model_folder: Path
) -> None:
    conn = queue.connect(redis_server.url)
    inputs = [{"text": "fine"}, {"text": ""}]  # the API would refuse it; the worker checks too
    job_id = queue.submit(conn, "spam", inputs, models_dir=str(model_folder))
    status = wait_for(queue, conn, job_id, {"finished", "failed"})
    assert status["status"] == "failed"
    assert status["result"] is None
    assert "input 1" in status["error"]
    assert "text" in status["error"]
    assert "\n" not in status["error"]


def test_a_replaced_model_is_loaded_again(
    queue: ModuleType,
    redis_server: Service,
    worker: Service,
    model_folder: Path,
    tmp_path: Path,
) -> None:
    """The worker caches a model by its file's sha256: a new file under the same name is
    the new model from the next job on."""
    shutil.copytree(model_folder / "spam", tmp_path / "texts")
    conn = queue.connect(redis_server.url)
    first = queue.submit(conn, "texts", [{"text": "Love it"}], models_dir=str(tmp_path))
    assert wait_for(queue, conn, first, {"finished"})["result"][0]["label"] in ("spam", "ham")
    shutil.rmtree(tmp_path / "texts")
    shutil.copytree(model_folder / "sentiment", tmp_path / "texts")
    second = queue.submit(conn, "texts", [{"text": "Love it"}], models_dir=str(tmp_path))
    assert "probability" in wait_for(queue, conn, second, {"finished"})["result"][0]


# --- failures -------------------------------------------------------------------------


def test_a_worker_killed_mid_job_leaves_it_to_the_next_worker(
    queue: ModuleType,
    redis_server: Service,
    spam_only: Path,
    served: dict[str, ServedModel],
    tmp_path: Path,
) -> None:
    """SIGKILL mid-job, then a second worker finishes the job; Ctrl-C then stops it."""
    url = database(redis_server, 1)
    conn = queue.connect(url)
    first = start_worker(url, spam_only, tmp_path / "first.log")
    job_id = queue.submit(conn, "spam", SLOW_BATCH, models_dir=str(spam_only))
    wait_until_started_by(conn, job_id, worker_name(first))
    first.kill()  # SIGKILL: no clean-up of any kind
    assert queue.job_status(conn, job_id)["status"] == "started"  # nobody rescued it yet
    second = start_worker(url, spam_only, tmp_path / "second.log")
    status = wait_for(queue, conn, job_id, {"finished", "failed"})
    assert status["status"] == "finished", status
    assert status["result"] == in_process(served["spam"], SLOW_BATCH)
    second.process.send_signal(signal.SIGINT)  # Ctrl-C in its terminal, while idle
    assert second.process.wait(HANG_GUARD) == 0
    assert second.log.read_text().splitlines()[1:] == ["worker stopped after 1 jobs"]


def test_a_job_whose_retry_dies_too_is_failed_not_lost(
    queue: ModuleType, redis_server: Service, spam_only: Path, tmp_path: Path
) -> None:
    url = database(redis_server, 2)
    conn = queue.connect(url)
    job_id = queue.submit(conn, "spam", SLOW_BATCH, models_dir=str(spam_only))
    for attempt in ("first", "retry"):
        doomed = start_worker(url, spam_only, tmp_path / f"{attempt}.log")
        wait_until_started_by(conn, job_id, worker_name(doomed))
        doomed.kill()
    with start_worker(url, spam_only, tmp_path / "third.log"):
        status = wait_for(queue, conn, job_id, {"finished", "failed"})
    assert status["status"] == "failed", status
    assert "worker" in status["error"]
    assert "died" in status["error"]


def test_sigterm_lets_the_worker_finish_its_job_then_exit_with_one_line(
    queue: ModuleType, redis_server: Service, spam_only: Path, tmp_path: Path
) -> None:
    url = database(redis_server, 3)
    conn = queue.connect(url)
    service = start_worker(url, spam_only, tmp_path / "worker.log")
    job_id = queue.submit(conn, "spam", SLOW_BATCH, models_dir=str(spam_only))
    wait_until_started_by(conn, job_id, worker_name(service))
    assert service.stop() == 0  # SIGTERM, and SIGKILL only after 15 s
    assert queue.job_status(conn, job_id)["status"] == "finished"
    lines = service.log.read_text().splitlines()
    assert lines[1:] == ["worker stopped after 1 jobs"], lines


def test_redis_down_is_queue_unavailable_in_one_line(
    queue: ModuleType, spam_only: Path, tmp_path: Path
) -> None:
    nowhere = f"redis://127.0.0.1:{free_port()}/0"
    with pytest.raises(queue.QueueUnavailable, match=re.escape(nowhere)) as caught:
        queue.connect(nowhere)
    assert "\n" not in str(caught.value)
    with pytest.raises(queue.QueueUnavailable):
        queue.run_worker(nowhere, str(spam_only))
    with start_redis(tmp_path / "redis") as server:  # up, then gone under a live connection
        conn = queue.connect(server.url)
    for call in (
        lambda: queue.submit(conn, "spam", [{"text": "hi"}], models_dir=str(spam_only)),
        lambda: queue.job_status(conn, str(uuid.uuid4())),
    ):
        with pytest.raises(queue.QueueUnavailable) as caught:
            call()
        assert "\n" not in str(caught.value)


def test_a_worker_without_models_refuses_to_start(
    queue: ModuleType, redis_server: Service, tmp_path: Path
) -> None:
    with pytest.raises(ModelError, match="no model"):
        queue.run_worker(redis_server.url, str(tmp_path))


def test_a_running_worker_carries_on_when_redis_comes_back(
    queue: ModuleType, spam_only: Path, tmp_path: Path
) -> None:
    port = free_port()
    server = start_redis(tmp_path / "redis", port=port)
    service = start_worker(server.url, spam_only, tmp_path / "worker.log")
    try:
        server.stop()  # Redis goes away under the idle worker, then comes back on its port
        server = start_redis(tmp_path / "redis", port=port)
        conn = queue.connect(server.url)
        job_id = queue.submit(conn, "spam", [{"text": "Call now"}], models_dir=str(spam_only))
        assert wait_for(queue, conn, job_id, {"finished", "failed"})["status"] == "finished"
        assert service.running()
    finally:
        service.stop()
        server.stop()

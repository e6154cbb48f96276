"""Queued predictions: a batch waits in Redis, a worker process answers it, the API reads it back.

``POST /v1/jobs`` validates a batch and calls :func:`submit`, which puts it in Redis with
RQ and returns a job id at once; a worker (``python -m level5.api worker``, which calls
:func:`run_worker`) runs :func:`predict_batch`; ``GET /v1/jobs/<id>`` calls
:func:`job_status`. The API keeps nothing: a job lives in Redis, so a restarted API, or
another API process, sees the same jobs.

What happens when something breaks (measured in QUEUE.md):

* a job that raises is retried once, then marked ``failed`` with a one-line reason;
* a worker killed mid-job leaves the job in RQ's started registry; the next worker on
  the same machine sees that the process is gone and hands the job back to RQ, which
  retries it (or marks it failed once the retry is used up). A worker on another machine
  cannot check the process, so RQ's own rule applies there: the job is abandoned when
  its worker has been silent for the job timeout plus 60 s;
* Ctrl-C or SIGTERM lets the worker finish the job in hand (a second one stops it, and
  the job is requeued), then it exits with one line.

The worker is RQ's ``SimpleWorker`` (the job runs in the worker process, the models stay
loaded), not the default forking ``Worker`` (a fresh child process per job): QUEUE.md
has the measurements behind that choice.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import redis
from rq import Queue, Retry, SimpleWorker, Worker
from rq.exceptions import NoSuchJobError
from rq.executions import Execution
from rq.job import Job, JobStatus
from rq.serializers import JSONSerializer
from rq.worker import BaseWorker

if TYPE_CHECKING:
    from level5.api.models import ServedModel

__all__ = [
    "FAILURE_TTL",
    "JOB_TIMEOUT",
    "QUEUED_TTL",
    "QUEUE_NAME",
    "RESULT_TTL",
    "QueueUnavailable",
    "connect",
    "job_status",
    "predict_batch",
    "recover_abandoned",
    "run_worker",
    "submit",
]

QUEUE_NAME = "predictions"
JOB_TIMEOUT = 60  # seconds a batch may run; the API's largest batch takes well under 1 s
RETRIES = 1  # one more try after a failure or a dead worker, then "failed"
RESULT_TTL = 24 * 3600  # a finished job and its predictions stay a day for the client to collect
FAILURE_TTL = 7 * 24 * 3600  # a failed job and its reason stay a week, for whoever investigates
QUEUED_TTL = 24 * 3600  # a job no worker started within a day is dropped (then: unknown id)
WORKER_TTL = 60  # a worker's heartbeat period is 45 s (RQ blocks WORKER_TTL - 15 s on the queue)
MAINTENANCE_INTERVAL = 30  # seconds between a worker's looks for abandoned jobs
CONNECT_TIMEOUT = 3.0  # seconds; Redis on the same network answers in about a millisecond
RECOVERY_LOCK = "level5:queue:recovery"
JOB_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")  # RQ's ids are UUIDs; refuse anything else unread

# RQ has nine job states; a client needs four.
STATUS = {
    JobStatus.CREATED: "queued",
    JobStatus.QUEUED: "queued",
    JobStatus.DEFERRED: "queued",
    JobStatus.SCHEDULED: "queued",
    JobStatus.STARTED: "started",
    JobStatus.FINISHED: "finished",
    JobStatus.FAILED: "failed",
    JobStatus.STOPPED: "failed",
    JobStatus.CANCELED: "failed",
}


class QueueUnavailable(ConnectionError):
    """Redis does not answer (down, wrong address, refused); the message is one line."""


# --- the API side ------------------------------------------------------------------


def connect(redis_url: str) -> redis.Redis:
    """A connection to ``redis_url`` that has answered a PING."""
    try:
        conn = redis.Redis.from_url(
            redis_url, socket_connect_timeout=CONNECT_TIMEOUT, socket_timeout=CONNECT_TIMEOUT
        )
        conn.ping()
    except (redis.RedisError, ValueError) as exc:
        raise QueueUnavailable(
            f"Redis at {_shown(redis_url)} does not answer: {_line(exc)}"
        ) from exc
    return conn


def submit(conn: redis.Redis, model: str, inputs: list[dict[str, Any]], *, models_dir: str) -> str:
    """Put a batch for ``model`` (a sub-folder of ``models_dir``) in the queue; its job id.

    The job names the folder the API serves from: run the worker with the same ``--models``.
    Jobs are stored as JSON, so ``redis-cli`` shows them and a worker never unpickles data.
    """
    queue = Queue(QUEUE_NAME, connection=conn, serializer=JSONSerializer)
    try:
        job = queue.enqueue(
            predict_batch,
            model,
            inputs,
            str(Path(models_dir).resolve()),
            job_timeout=JOB_TIMEOUT,
            result_ttl=RESULT_TTL,
            failure_ttl=FAILURE_TTL,
            ttl=QUEUED_TTL,
            retry=Retry(max=RETRIES),
            description=f"predict {model} x{len(inputs)}",  # RQ logs it; not the inputs
            meta={"model": model},
        )
    except redis.RedisError as exc:
        raise QueueUnavailable(f"could not queue the job: {_line(exc)}") from exc
    return str(job.id)


def job_status(conn: redis.Redis, job_id: str) -> dict[str, Any] | None:
    """The job's status, result and failure reason; ``None`` for an unknown (or expired) id."""
    if not JOB_ID.fullmatch(job_id):
        return None
    try:
        job = Job.fetch(job_id, connection=conn, serializer=JSONSerializer)
        status = STATUS.get(job.get_status(refresh=False), "queued")
        outcome = job.latest_result() if status in ("finished", "failed") else None
    except NoSuchJobError:
        return None
    except redis.RedisError as exc:
        raise QueueUnavailable(f"could not read the job: {_line(exc)}") from exc
    finished = status == "finished" and outcome is not None
    return {
        "id": job.id,
        "status": status,
        "model": job.meta.get("model"),
        "submitted": job.enqueued_at.isoformat() if job.enqueued_at else None,
        "ended": job.ended_at.isoformat() if job.ended_at else None,
        "result": outcome.return_value if finished and outcome else None,
        "error": _reason(outcome.exc_string) if status == "failed" and outcome else None,
    }


def _reason(exc_string: str | None) -> str:
    """A failure in one line: the exception's last line, or what RQ's wording means."""
    lines = [line.strip() for line in (exc_string or "").splitlines() if line.strip()]
    if not lines:
        return "failed without a reason (retried the maximum number of times)"
    last = lines[-1]
    if "AbandonedJobError" in last:
        return "the worker running this job died before it finished, and so did its retry"
    kind, colon, message = last.partition(": ")
    if colon and re.fullmatch(r"[\w.]+", kind):  # "module.Error: message" -> "Error: message"
        return f"{kind.rsplit('.', 1)[-1]}: {message}"
    return last.rstrip("; ")


# --- the worker side ---------------------------------------------------------------

# One entry per model folder: (its model file's sha256, the loaded model). A new file in
# the folder (a retrained model) has a new sha256, so the next job loads it.
_LOADED: dict[str, tuple[str, ServedModel]] = {}


class BatchRefused(ValueError):
    """An input the model's schema refuses (the API checks first; the worker checks again)."""


def predict_batch(
    model: str, inputs: list[dict[str, Any]], models_dir: str
) -> list[dict[str, Any]]:
    """The job a worker runs: validate ``inputs`` with the model's schema, then predict them."""
    from pydantic import ValidationError

    served = _model(Path(models_dir) / model)
    items = []
    for index, raw in enumerate(inputs):
        try:
            items.append(served.kind.input.model_validate(raw))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "input"
            raise BatchRefused(f"input {index}: {where}: {first['msg']}") from None
    return served.predict(items)


def _model(folder: Path) -> ServedModel:
    """The model in ``folder``, loaded once per worker process and again when its file changes."""
    from level5.api.models import load_model

    key = str(folder.resolve())
    sha = _model_sha(folder)
    cached = _LOADED.get(key)
    if cached is None or cached[0] != sha:
        served = load_model(folder)  # raises ModelError with a one-line reason
        _LOADED[key] = (sha, served)
        return served
    return cached[1]


def _model_sha(folder: Path) -> str:
    from level1.modelstore import METADATA_FILE

    try:
        return str(json.loads((folder / METADATA_FILE).read_text())["model_sha256"])
    except (OSError, ValueError, KeyError, TypeError):
        return ""  # unreadable: load_model says precisely what is wrong


def _preload(models_dir: str) -> list[str]:
    """Load every model of ``models_dir`` before the first job; their names.

    Raises ``ModelError`` when none can be served (a worker that can only fail is a mistake
    to report at once); a broken model among good ones gets one line on stderr.
    """
    from level1.modelstore import ModelError
    from level5.api.models import load_folder

    served, failures = load_folder(models_dir)
    for failure in failures:
        print(f"warning: model {failure.name} not served: {failure.reason}", file=sys.stderr)
    if not served:
        raise ModelError(f"{models_dir} holds no model the worker can serve")
    for name, model in served.items():
        folder = Path(models_dir) / name
        _LOADED[str(folder.resolve())] = (_model_sha(folder), model)
    return sorted(served)


def recover_abandoned(conn: redis.Redis, queue: Queue) -> int:
    """Hand the jobs of workers that died on this machine to RQ's abandoned-job handling now.

    A started job is listed in RQ's started registry with a deadline: its worker's last
    heartbeat plus the job timeout plus 60 s. Past the deadline RQ retries the job or marks
    it failed. A worker on the same machine can tell sooner: it looks the dead worker's PID
    up. Such jobs get a deadline in the past, and RQ's own clean-up does the rest. Returns
    how many jobs were handed over.
    """
    lock = conn.lock(RECOVERY_LOCK, timeout=30)
    if not lock.acquire(blocking=False):
        return 0  # another worker is looking right now
    try:
        registry = queue.started_job_registry
        host = socket.gethostname()
        dead = {}
        for job_id, execution_id in registry.get_job_and_execution_ids(cleanup=False):
            try:
                worker_name = Execution.fetch(execution_id, job_id, conn).worker_name
            except ValueError:  # the execution's record expired: its worker stopped long ago
                worker_name = ""
            if not _worker_alive(conn, worker_name, host):
                dead[f"{job_id}:{execution_id}"] = 0  # the registry's member: RQ's composite key
        if dead:
            conn.zadd(registry.key, dead, xx=True)
            registry.cleanup()
        return len(dead)
    finally:
        lock.release()


def _worker_alive(conn: redis.Redis, name: str, host: str) -> bool:
    """False when the worker is gone; True when it runs or runs elsewhere (RQ decides then)."""
    if not name:
        return False
    fields = conn.hmget(Worker.redis_worker_namespace_prefix + name, ["hostname", "pid", "death"])
    hostname, pid, death = (
        value.decode() if isinstance(value, bytes) else value for value in fields
    )
    if hostname is None or death is not None:
        return False
    if hostname != host or pid is None:
        return True
    try:
        os.kill(int(pid), 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by another user
        return True
    return True


class _Recovering(BaseWorker):
    """What both worker kinds change in RQ's: recovery of dead workers' jobs, a job count,
    and no pub/sub channel."""

    jobs_done = 0

    def subscribe(self) -> None:
        """No channel for ``rq``'s remote commands (stop a job, shut a worker down): this
        project stops workers by signal, and a signal that came just after the channel's
        thread started left the worker waiting 60 s for it (rq issue #1613, seen here)."""

    def unsubscribe(self) -> None:
        """Nothing to leave: see :meth:`subscribe`."""

    def run_maintenance_tasks(self) -> None:
        for queue in self.queues:
            recover_abandoned(self.connection, queue)
        super().run_maintenance_tasks()  # type: ignore[no-untyped-call]

    def execute_job(self, job: Job, queue: Queue) -> None:
        super().execute_job(job, queue)
        self.jobs_done += 1


class PredictionWorker(_Recovering, SimpleWorker):
    """RQ's SimpleWorker (jobs run in the worker process), recovering dead workers' jobs."""


class ForkingPredictionWorker(_Recovering, Worker):
    """RQ's default Worker (a forked child per job), recovering dead workers' jobs."""


def run_worker(
    redis_url: str, models_dir: str, *, burst: bool = False, forking: bool = False
) -> int:
    """Run a worker until Ctrl-C or SIGTERM (or, with ``burst``, until the queue is empty).

    Raises ``QueueUnavailable`` when Redis does not answer at the start and ``ModelError``
    when ``models_dir`` holds no servable model. A Redis that goes away later is waited
    for (RQ retries with a growing pause). Returns the exit status, 0.
    """
    conn = connect(redis_url)
    names = _preload(models_dir)
    worker_class = ForkingPredictionWorker if forking else PredictionWorker
    worker = worker_class(
        [QUEUE_NAME],
        connection=conn,
        serializer=JSONSerializer,
        worker_ttl=WORKER_TTL,
        maintenance_interval=MAINTENANCE_INTERVAL,
    )
    mode = "until the queue is empty" if burst else "press Ctrl-C to stop"
    print(
        f"worker {worker.name} on {_shown(redis_url)} serving {', '.join(names)}; {mode}",
        flush=True,
    )
    own_handler = signal.getsignal(signal.SIGINT) or signal.default_int_handler
    try:
        worker.work(burst=burst, logging_level="WARNING")  # RQ's SIGINT/SIGTERM handlers
    finally:
        signal.signal(signal.SIGINT, own_handler)  # a late Ctrl-C: "error: interrupted"
    print(f"worker stopped after {worker.jobs_done} jobs", flush=True)
    return 0


def _shown(url: str) -> str:
    """``url`` without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return parts._replace(netloc=netloc).geturl()


def _line(exc: BaseException) -> str:
    """The exception's message on one line, without redis-py's closing full stop."""
    return " ".join(str(exc).split()).rstrip(".") or type(exc).__name__

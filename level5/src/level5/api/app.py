"""The Flask application: routes, validation, the model registry, metrics.

``create_app(models_dir)`` loads the model folder once (per gunicorn worker: each
worker process calls it) and answers::

    GET  /health                      the process is alive
    GET  /ready                       200 once at least one model is loaded, else 503
    GET  /v1/models                   names, kinds, versions, training metrics
    POST /v1/models/<name>/predict    {"input": {...}} or {"inputs": [{...}, ...]}
    POST /v1/jobs                     queue a batch on Redis: 202 and a Location
    GET  /v1/jobs/<id>                the job's status and, once finished, its result
    POST /v1/admin/reload             reload the model folder (bearer token; off without one)
    GET  /metrics                     Prometheus text
    GET  /openapi.json                the OpenAPI 3.1 document of all of the above

Every error is a problem+json body (:mod:`.problems`).
"""

from __future__ import annotations

import hmac
import os
import signal
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flask import Flask, Response, g, jsonify, request, url_for
from pydantic import ValidationError

from level5.api import metrics
from level5.api.models import Item, LoadFailure, ServedModel, load_folder
from level5.api.openapi import build_document
from level5.api.problems import Problem, field_errors, install_error_handlers
from level5.api.schemas import MAX_BATCH, JobRequest, PredictRequest
from level5.api.settings import ARBITER_ENV

if TYPE_CHECKING:
    import redis

__all__ = ["MAX_BODY", "ModelRegistry", "create_app"]

MAX_BODY = 1_000_000  # bytes per request body: 256 texts of 3,900 characters


@dataclass(frozen=True)
class Snapshot:
    """The models served at one moment and the sub-folders that failed to load."""

    models: dict[str, ServedModel]
    failures: list[LoadFailure] = field(default_factory=list)


class ModelRegistry:
    """The model folder as loaded. A reload builds a new snapshot, then swaps it in with
    one assignment: a request sees the old models or the new ones, never a mix."""

    def __init__(self, models_dir: Path) -> None:
        self.models_dir = models_dir
        self.snapshot = Snapshot(*load_folder(models_dir))

    def reload(self) -> Snapshot:
        self.snapshot = Snapshot(*load_folder(self.models_dir))
        metrics.MODELS_LOADED.set(len(self.snapshot.models))
        return self.snapshot

    def get(self, name: str) -> ServedModel:
        model = self.snapshot.models.get(name)
        if model is None:
            known = ", ".join(sorted(self.snapshot.models)) or "none"
            raise Problem(404, f"no model named {name!r}; served: {known}")
        return model


def validate_items(
    model: ServedModel, items: Sequence[dict[str, Any]], prefix: str, *, single: bool = False
) -> list[Item]:
    """Each item checked against the model's input schema; 422 lists every bad field.

    Strict mode: JSON types must match the schema (``"5.1"`` is not a number), exactly
    as the OpenAPI document says."""
    valid: list[Item] = []
    errors: list[dict[str, str]] = []
    for index, item in enumerate(items):
        try:
            valid.append(model.kind.input.model_validate(item, strict=True))
        except ValidationError as exc:
            errors += field_errors(exc, [prefix] if single else [prefix, index])
    if errors:
        raise Problem(422, f"the input does not fit model {model.name!r}", errors=errors)
    return valid


def json_body() -> Any:
    """The request's JSON body: 415 if it is not declared JSON, 400 if it does not parse."""
    if not request.is_json:
        raise Problem(415, "send the body as JSON with 'Content-Type: application/json'")
    body = request.get_json(silent=True)
    if body is None:
        raise Problem(400, "the body is not valid JSON")
    return body


def parse(schema: type[PredictRequest] | type[JobRequest]) -> Any:
    try:
        return schema.model_validate(json_body())
    except ValidationError as exc:
        raise Problem(
            422, "the request body is not as documented", errors=field_errors(exc)
        ) from None


def create_app(
    models_dir: str | Path,
    *,
    redis_url: str | None = None,
    reload_token: str | None = None,
    max_body: int = MAX_BODY,
) -> Flask:
    """The API over the model folder ``models_dir``.

    ``redis_url`` turns on the job endpoints (without it they answer 503);
    ``reload_token`` turns on ``POST /v1/admin/reload`` (without it: 404).
    """
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = max_body
    registry = ModelRegistry(Path(models_dir))
    metrics.MODELS_LOADED.set(len(registry.snapshot.models))
    app.extensions["level5.registry"] = registry
    install_error_handlers(app)
    queue = JobQueue(redis_url, Path(models_dir))

    @app.before_request
    def start_timer() -> None:
        g.started = time.perf_counter()

    @app.after_request
    def count(response: Response) -> Response:
        route = request.url_rule.rule if request.url_rule else "unmatched"
        metrics.REQUESTS.labels(route, request.method, str(response.status_code)).inc()
        metrics.LATENCY.labels(route).observe(time.perf_counter() - g.get("started", 0.0))
        return response

    @app.get("/health")
    def health() -> Response:
        return jsonify(status="ok")

    @app.get("/ready")
    def ready() -> Response:
        snapshot = registry.snapshot
        response = jsonify(
            ready=bool(snapshot.models),
            models=sorted(snapshot.models),
            failures=[{"name": f.name, "reason": f.reason} for f in snapshot.failures],
        )
        response.status_code = 200 if snapshot.models else 503
        return response

    @app.get("/v1/models")
    def list_models() -> Response:
        snapshot = registry.snapshot
        return jsonify(
            models=[m.describe() for m in snapshot.models.values()],
            failures=[{"name": f.name, "reason": f.reason} for f in snapshot.failures],
        )

    @app.post("/v1/models/<name>/predict")
    def predict(name: str) -> Response:
        model = registry.get(name)
        body: PredictRequest = parse(PredictRequest)
        items = validate_items(model, body.items(), body.prefix(), single=body.input is not None)
        predictions = model.predict(items)
        metrics.PREDICTIONS.labels(name).inc(len(items))
        return jsonify(model=name, version=model.version, predictions=predictions)

    @app.post("/v1/jobs")
    def submit_job() -> tuple[Response, int, dict[str, str]]:
        body: JobRequest = parse(JobRequest)
        model = registry.get(body.model)
        items = validate_items(model, body.inputs, "inputs")
        job_id = queue.submit(model.name, [item.model_dump() for item in items])
        location = url_for("job_status", job_id=job_id)
        return jsonify(id=job_id, status="queued", url=location), 202, {"Location": location}

    @app.get("/v1/jobs/<job_id>")
    def job_status(job_id: str) -> Response:
        return jsonify(queue.status(job_id))

    @app.post("/v1/admin/reload")
    def reload() -> Response:
        if not reload_token:
            raise Problem(404, "reloading is off: no token is configured")
        offered = request.headers.get("Authorization", "").removeprefix("Bearer ")
        if not hmac.compare_digest(offered.encode(), reload_token.encode()):
            raise Problem(
                401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"}
            )
        snapshot = registry.reload()
        restart_sibling_workers()
        return jsonify(
            models=sorted(snapshot.models),
            failures=[{"name": f.name, "reason": f.reason} for f in snapshot.failures],
        )

    @app.get("/metrics")
    def scrape() -> Response:
        return Response(metrics.scrape(), content_type=metrics.CONTENT_TYPE_LATEST)

    @app.get("/openapi.json")
    def openapi() -> Response:
        return jsonify(build_document(registry.snapshot.models, max_batch=MAX_BATCH))

    return app


def restart_sibling_workers() -> None:
    """Under gunicorn, SIGHUP the arbiter: it replaces every worker gracefully, and each
    new worker loads the model folder afresh (this worker has already reloaded)."""
    arbiter = os.environ.get(ARBITER_ENV)
    if arbiter:
        os.kill(int(arbiter), signal.SIGHUP)


class JobQueue:
    """The job endpoints' side of :mod:`level5.api.queue`: one Redis connection per
    process, opened on first use; every queue failure is a 503 problem."""

    def __init__(self, redis_url: str | None, models_dir: Path) -> None:
        self.redis_url = redis_url
        self.models_dir = models_dir
        self._connection: redis.Redis | None = None
        self._lock = threading.Lock()

    def connection(self) -> redis.Redis:
        from level5.api import queue

        if not self.redis_url:
            raise Problem(503, "the job queue is off: no Redis URL is configured")
        with self._lock:
            if self._connection is None:
                try:
                    self._connection = queue.connect(self.redis_url)
                except queue.QueueUnavailable as exc:
                    raise Problem(503, f"the job queue is unavailable: {exc}") from exc
            return self._connection

    def submit(self, model: str, inputs: list[dict[str, Any]]) -> str:
        from level5.api import queue

        try:
            return queue.submit(self.connection(), model, inputs, models_dir=str(self.models_dir))
        except queue.QueueUnavailable as exc:
            raise Problem(
                503, f"the job queue is unavailable: {exc}", headers={"Retry-After": "5"}
            ) from exc

    def status(self, job_id: str) -> dict[str, Any]:
        from level5.api import queue

        try:
            found = queue.job_status(self.connection(), job_id)
        except queue.QueueUnavailable as exc:
            raise Problem(
                503, f"the job queue is unavailable: {exc}", headers={"Retry-After": "5"}
            ) from exc
        if found is None:
            raise Problem(404, f"no job with id {job_id!r}")
        return found

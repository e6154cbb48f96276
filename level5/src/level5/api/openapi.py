"""The OpenAPI 3.1 document of the API, built from the same pydantic classes that validate.

OpenAPI 3.1 uses JSON Schema 2020-12, which is what pydantic writes, so each class's
``model_json_schema()`` goes into ``components/schemas`` as it is. Each served model
gets its own predict path (``/v1/models/spam/predict``) with that model's input
schema, so the document says exactly what every model accepts; it changes when the
model folder is reloaded.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from level5.api import schemas
from level5.api.models import KINDS, ServedModel
from level5.api.problems import PROBLEM_JSON

__all__ = ["build_document"]

REF = "#/components/schemas/{model}"
BODIES: tuple[type[BaseModel], ...] = (
    schemas.HealthResponse,
    schemas.ReadyResponse,
    schemas.ModelList,
    schemas.JobAccepted,
    schemas.JobStatus,
    schemas.ProblemDetails,
    *(kind.input for kind in KINDS.values()),
    *schemas.OUTPUTS.values(),
)
PHRASES = {
    200: "OK",
    202: "Accepted",
    400: "The body is not valid JSON",
    401: "Missing or wrong bearer token",
    404: "No such model, job or URL",
    413: "The body is larger than the limit",
    415: "The body is not declared as JSON",
    422: "The body or an input does not fit the schema (field-level errors)",
    503: "Not ready, or the job queue is unavailable",
}


def ref(model: type[BaseModel]) -> dict[str, str]:
    return {"$ref": REF.format(model=model.__name__)}


def json_content(schema: Mapping[str, Any], media: str = "application/json") -> dict[str, Any]:
    return {"content": {media: {"schema": dict(schema)}}}


def answers(ok: Mapping[int, Mapping[str, Any]], *errors: int) -> dict[str, Any]:
    """The responses object: the success bodies given, and a problem for each error."""
    out: dict[str, Any] = {
        str(code): {"description": PHRASES[code], **body} for code, body in ok.items()
    }
    for code in errors:
        out[str(code)] = {
            "description": PHRASES[code],
            **json_content(ref(schemas.ProblemDetails), PROBLEM_JSON),
        }
    return out


def batch(item: Mapping[str, Any], max_batch: int) -> dict[str, Any]:
    return {"type": "array", "items": dict(item), "minItems": 1, "maxItems": max_batch}


def predict_path(model: ServedModel, max_batch: int) -> dict[str, Any]:
    item = ref(model.kind.input)
    one = {"input": item}
    many = {"inputs": batch(item, max_batch)}
    body = {
        "oneOf": [
            {"type": "object", "properties": p, "required": list(p), "additionalProperties": False}
            for p in (one, many)
        ]
    }
    output = schemas.OUTPUTS[model.kind.tool]
    result = {
        "type": "object",
        "properties": {
            "model": {"type": "string"},
            "version": {"type": "string"},
            "predictions": {"type": "array", "items": ref(output)},
        },
        "required": ["model", "version", "predictions"],
    }
    return {
        "post": {
            "summary": f"Predict with {model.name} ({model.kind.tool}), one input or up to "
            f"{max_batch}",
            "operationId": f"predict_{model.name}",
            "requestBody": {"required": True, **json_content(body)},
            "responses": answers({200: json_content(result)}, 400, 413, 415, 422),
        }
    }


def job_request(models: Mapping[str, ServedModel], max_batch: int) -> dict[str, Any]:
    """One alternative per served model: its name and a batch of its inputs."""
    return {
        "oneOf": [
            {
                "type": "object",
                "properties": {
                    "model": {"const": name},
                    "inputs": batch(ref(model.kind.input), max_batch),
                },
                "required": ["model", "inputs"],
                "additionalProperties": False,
            }
            for name, model in sorted(models.items())
        ]
    }


def build_document(models: Mapping[str, ServedModel], *, max_batch: int) -> dict[str, Any]:
    """The OpenAPI 3.1 document for an app serving ``models``."""
    _, components = models_json_schema(
        [(body, "serialization") for body in BODIES], ref_template=REF
    )
    job_id = {"name": "job_id", "in": "path", "required": True, "schema": {"type": "string"}}
    location = {"Location": {"description": "The job's URL", "schema": {"type": "string"}}}
    paths: dict[str, Any] = {
        "/health": {
            "get": {
                "summary": "Liveness: the process answers",
                "operationId": "health",
                "responses": answers({200: json_content(ref(schemas.HealthResponse))}),
            }
        },
        "/ready": {
            "get": {
                "summary": "Readiness: at least one model is loaded (lists load failures)",
                "operationId": "ready",
                "responses": {
                    str(code): {
                        "description": PHRASES[code],
                        **json_content(ref(schemas.ReadyResponse)),
                    }
                    for code in (200, 503)
                },
            }
        },
        "/v1/models": {
            "get": {
                "summary": "The served models: names, kinds, versions, training metrics",
                "operationId": "list_models",
                "responses": answers({200: json_content(ref(schemas.ModelList))}),
            }
        },
        **{
            f"/v1/models/{name}/predict": predict_path(model, max_batch)
            for name, model in sorted(models.items())
        },
        "/v1/jobs": {
            "post": {
                "summary": "Queue a batch: a worker predicts it later",
                "operationId": "submit_job",
                "requestBody": {"required": True, **json_content(job_request(models, max_batch))},
                "responses": answers(
                    {202: {"headers": location, **json_content(ref(schemas.JobAccepted))}},
                    400,
                    404,
                    413,
                    415,
                    422,
                    503,
                ),
            }
        },
        "/v1/jobs/{job_id}": {
            "get": {
                "summary": "A queued job's status, and its result once finished",
                "operationId": "job_status",
                "parameters": [job_id],
                "responses": answers({200: json_content(ref(schemas.JobStatus))}, 404, 503),
            }
        },
        "/v1/admin/reload": {
            "post": {
                "summary": "Reload the model folder (404 when no token is configured)",
                "operationId": "reload",
                "security": [{"bearer": []}],
                "responses": answers({200: json_content({"type": "object"})}, 401, 404),
            }
        },
        "/metrics": {
            "get": {
                "summary": "Prometheus metrics, summed over all workers",
                "operationId": "metrics",
                "responses": {
                    "200": {
                        "description": "Prometheus text format",
                        "content": {"text/plain": {"schema": {"type": "string"}}},
                    }
                },
            }
        },
        "/openapi.json": {
            "get": {
                "summary": "This document",
                "operationId": "openapi",
                "responses": answers({200: json_content({"type": "object"})}),
            }
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "ml-roadmap level 5 prediction API",
            "version": "1.0.0",
            "description": "Predictions from the model folder's models; errors are "
            "RFC 9457 problem+json.",
        },
        "paths": paths,
        "components": {
            "schemas": components.get("$defs", {}),
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }

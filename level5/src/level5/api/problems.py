"""Errors as ``application/problem+json`` (RFC 9457): one shape for every failure.

A client of the API parses one kind of error body, whatever went wrong::

    {"type": "about:blank", "title": "Unprocessable Entity", "status": 422,
     "detail": "2 inputs are invalid", "errors": [{"loc": "inputs/1/text", "msg": "..."}]}

Flask's own HTTP errors (an unknown URL, a wrong method, a body over the limit) and any
unexpected exception go through the same handlers, so no response ever carries an
HTML page or a stack trace; the trace goes to the server log instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from http import HTTPStatus
from typing import Any

from flask import Flask, Response, current_app, json, request
from pydantic import ValidationError
from werkzeug.exceptions import HTTPException

__all__ = ["PROBLEM_JSON", "Problem", "field_errors", "install_error_handlers", "problem"]

PROBLEM_JSON = "application/problem+json"
# Headers of werkzeug's own error responses that still apply to a problem+json body.
KEPT_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate")


class Problem(Exception):
    """Raise in a view to answer with a problem: ``raise Problem(404, "no model 'x'")``."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        errors: list[dict[str, str]] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors
        self.headers = dict(headers or {})


def problem(
    status: int,
    detail: str,
    *,
    errors: list[dict[str, str]] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """The problem+json response for ``status``; ``errors`` lists field-level messages."""
    body: dict[str, Any] = {
        "type": "about:blank",  # RFC 9457: the title is then the HTTP status phrase
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": request.path,
    }
    if errors is not None:
        body["errors"] = errors
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_JSON)
    response.headers.update(headers or {})
    return response


def field_errors(error: ValidationError, prefix: Iterable[str | int] = ()) -> list[dict[str, str]]:
    """Pydantic's errors as ``{"loc": "inputs/3/text", "msg": ...}``, one per bad field.

    The location is a JSON-pointer-like path into the request body, so a client can
    point at the field; the input value itself is not echoed back.
    """
    start = [str(part) for part in prefix]
    return [
        {"loc": "/".join(start + [str(part) for part in item["loc"]]), "msg": item["msg"]}
        for item in error.errors(include_url=False, include_input=False)
    ]


def install_error_handlers(app: Flask) -> None:
    """Answer every HTTP error and every unexpected exception of ``app`` with a problem."""

    @app.errorhandler(Problem)
    def raised(error: Problem) -> Response:
        return problem(error.status, error.detail, errors=error.errors, headers=error.headers)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        status = error.code or 500
        kept = {k: v for k, v in error.get_headers() if k in KEPT_HEADERS}
        return problem(status, error.description or HTTPStatus(status).description, headers=kept)

    @app.errorhandler(Exception)
    def unexpected(error: Exception) -> Response:
        current_app.logger.exception("unhandled error on %s %s", request.method, request.path)
        return problem(500, "the server failed to answer this request; the error is logged")

"""A small client of the API (requests): what a product team's service would call.

>>> predict("http://127.0.0.1:8000", "spam", [{"text": "WINNER!! claim now"}])  # doctest: +SKIP
[{'label': 'spam', 'score': 1.93, 'threshold': -0.41}]

Every failure is an :class:`ApiError` with one line: the server's problem+json
``detail`` (and the first field errors), or why the server could not be reached.
"""

from __future__ import annotations

from typing import Any

import requests

__all__ = ["ApiError", "get_json", "predict", "submit_job"]

TIMEOUT = 10.0  # seconds; a batch of 256 answers in well under one


class ApiError(Exception):
    """The API answered with an error, or could not be reached; one line."""


def _call(method: str, url: str, timeout: float, body: Any = None) -> requests.Response:
    try:
        response = requests.request(method, url, json=body, timeout=timeout)
    except requests.RequestException as exc:
        reason = type(exc).__name__.replace("Error", " error").strip()
        raise ApiError(f"cannot reach {url} ({reason}); is the server running?") from None
    if response.status_code >= 400:
        raise ApiError(_explain(response))
    return response


def _explain(response: requests.Response) -> str:
    """A problem+json answer on one line: status, detail and up to three field errors."""
    try:
        body = response.json()
        detail = str(body.get("detail") or body.get("title"))
        fields = [f"{e['loc']}: {e['msg']}" for e in body.get("errors") or []][:3]
    except (ValueError, AttributeError, KeyError, TypeError):
        detail, fields = response.reason or "no detail", []
    text = f"the server answered {response.status_code}: {detail}"
    return " ".join((text + ("; " + "; ".join(fields) if fields else "")).split())


def _json(response: requests.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        raise ApiError(f"{response.url} did not answer JSON; is it this API?") from None


def predict(
    base_url: str, model: str, inputs: list[dict[str, Any]], *, timeout: float = TIMEOUT
) -> list[dict[str, Any]]:
    """The model's predictions for ``inputs``, in order (one request, a batch)."""
    url = f"{base_url.rstrip('/')}/v1/models/{model}/predict"
    predictions = _json(_call("POST", url, timeout, {"inputs": inputs})).get("predictions")
    if not isinstance(predictions, list):
        raise ApiError(f"{url} answered without predictions; is it this API?")
    return predictions


def submit_job(
    base_url: str, model: str, inputs: list[dict[str, Any]], *, timeout: float = TIMEOUT
) -> str:
    """Queue a batch; the job's URL (poll it with :func:`get_json`)."""
    url = f"{base_url.rstrip('/')}/v1/jobs"
    response = _call("POST", url, timeout, {"model": model, "inputs": inputs})
    return f"{base_url.rstrip('/')}{response.headers['Location']}"


def get_json(url: str, *, timeout: float = TIMEOUT) -> Any:
    return _json(_call("GET", url, timeout))

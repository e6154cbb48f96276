"""Property-based fuzzing of the API against its own OpenAPI document (schemathesis).

Schemathesis reads ``/openapi.json`` from the app, generates requests for every
operation, both fitting the document (positive) and breaking it (negative), sends them
through the WSGI interface and checks every answer: no 5xx; a status code, content type,
headers and body the document declares; invalid data refused, valid data accepted.

(schemathesis' pytest loader ``from_fixture`` does not run under pytest 9, so each
operation's hypothesis strategy is driven here directly.)
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, note, settings
from schemathesis import GenerationMode

EXAMPLES = 25  # per operation and mode: 12 operations, about 600 requests in all


@pytest.fixture(scope="module")
def operations(app: Any) -> list[Any]:
    schema = schemathesis.openapi.from_wsgi("/openapi.json", app)
    return [result.ok() for result in schema.get_all_operations()]


def test_the_document_lists_every_operation(operations):
    labels = {op.label for op in operations}
    for name in ("spam", "sentiment", "housing", "iris"):
        assert f"POST /v1/models/{name}/predict" in labels
    assert {"POST /v1/jobs", "GET /v1/jobs/{job_id}", "POST /v1/admin/reload"} <= labels


def takes_input(operation: Any) -> bool:
    """A request body to break (a path's job id has no wrong string to generate)."""
    return bool(len(operation.body))


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_answer_conforms_to_the_document(operations, mode):
    for operation in operations:
        if mode == GenerationMode.NEGATIVE and not takes_input(operation):
            continue

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def conforms(case: Any) -> None:
            note(f"{case.operation.label}: {case.body!r}")
            case.call_and_validate()

        conforms()

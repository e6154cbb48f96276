"""The request and response bodies, as pydantic models.

One class per body does two jobs: it validates what arrives (or documents what leaves)
and it is the JSON Schema that :mod:`.openapi` puts into ``/openapi.json``. What one
*input item* looks like depends on the model; those classes live with the models, in
:mod:`level5.api.models` (``TextInput``, ``HousingInput``, ``IrisInput``).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "MAX_BATCH",
    "OUTPUTS",
    "HealthResponse",
    "HousingPrediction",
    "IrisPrediction",
    "JobAccepted",
    "JobRequest",
    "JobStatus",
    "ModelFailure",
    "ModelInfo",
    "ModelList",
    "PredictRequest",
    "ProblemDetails",
    "ReadyResponse",
    "SpamPrediction",
    "TextPrediction",
]

MAX_BATCH = 256  # items per request: a batch of 256 SMS scores in well under a second


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PredictRequest(Body):
    """Exactly one of ``input`` (one item) or ``inputs`` (a batch of 1 to MAX_BATCH items).

    Each item is checked against the model's own input schema afterwards, so the
    field-level messages can say which item is wrong (``inputs/3/text``).
    """

    input: dict[str, Any] | None = None
    inputs: Annotated[list[dict[str, Any]] | None, Field(min_length=1, max_length=MAX_BATCH)] = None

    @model_validator(mode="after")
    def exactly_one(self) -> PredictRequest:
        if (self.input is None) == (self.inputs is None):
            raise ValueError("give exactly one of 'input' (one item) or 'inputs' (a list)")
        return self

    def items(self) -> list[dict[str, Any]]:
        return [self.input] if self.input is not None else list(self.inputs or [])

    def prefix(self) -> str:
        """Where the items sit in the body, for error locations."""
        return "input" if self.input is not None else "inputs"


class JobRequest(Body):
    """A batch to run later on the queue: the model's name and its inputs."""

    model: Annotated[str, Field(min_length=1, max_length=100, examples=["spam"])]
    inputs: Annotated[list[dict[str, Any]], Field(min_length=1, max_length=MAX_BATCH)]


# --- what the models answer, one class per kind ------------------------------------------


class SpamPrediction(BaseModel):
    """level1.spam: the label the threshold gives the score."""

    label: Annotated[str, Field(examples=["spam"])]
    score: float
    threshold: float


class TextPrediction(BaseModel):
    """level1.textclf: the predicted class and its probability."""

    label: str
    probability: float


class HousingPrediction(BaseModel):
    """level2.housing: the median house value in USD and a 90% prediction interval."""

    value: float
    interval: Annotated[list[float], Field(min_length=2, max_length=2)]


class IrisPrediction(BaseModel):
    """level1.iris: the species and the probability of each."""

    label: str
    probabilities: dict[str, float]


OUTPUTS: dict[str, type[BaseModel]] = {
    "level1.spam": SpamPrediction,
    "level1.textclf": TextPrediction,
    "level2.housing": HousingPrediction,
    "level1.iris": IrisPrediction,
}


class ModelInfo(BaseModel):
    name: str
    kind: str
    version: str
    created: str | None
    estimator: str | None
    metrics: dict[str, Any]


class ModelFailure(BaseModel):
    """A sub-folder of the model folder that could not be loaded, and why."""

    name: str
    reason: str


class ModelList(BaseModel):
    models: list[ModelInfo]
    failures: list[ModelFailure]


class HealthResponse(BaseModel):
    status: str


class ReadyResponse(BaseModel):
    ready: bool
    models: list[str]
    failures: list[ModelFailure]


class JobAccepted(BaseModel):
    id: str
    status: str
    url: str


class JobStatus(BaseModel):
    id: str
    status: Annotated[str, Field(examples=["finished"])]
    model: str | None
    submitted: str | None
    ended: str | None
    result: list[dict[str, Any]] | None
    error: str | None


class ProblemDetails(BaseModel):
    """RFC 9457 problem details; ``errors`` lists field-level messages (422)."""

    type: str
    title: str
    status: int
    detail: str
    instance: str | None = None
    errors: list[dict[str, str]] | None = None

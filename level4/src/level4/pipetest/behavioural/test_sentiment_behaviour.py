"""CheckList tests of level 1's text classifier on the UCI sentiment sentences."""

from __future__ import annotations

from collections.abc import Callable

from level4.pipetest import mark, param, run_check
from level4.pipetest.checklists import SENTIMENT_CHECKS, sentiment_checks
from level4.pipetest.models import Subject

TOLERANCE = {
    "simple positive": 0.10,
    "simple negative": 0.10,
    "negated positive is negative": 0.10,
    "typos": 0.12,
    "names": 0.05,
    "punctuation": 0.04,
    "adding praise raises the positive score": 0.02,
    "adding a complaint lowers the positive score": 0.02,
}
KNOWN_WEAKNESS = mark.xfail(
    reason="bag-of-n-grams models read 'not amazing' as 'amazing': 18 of 40 failed when measured"
)
CASES = [
    param(name, marks=KNOWN_WEAKNESS) if name == "negated positive is negative" else name
    for name in SENTIMENT_CHECKS
]


@mark.parametrize("name", CASES)
def test_sentiment_classifier(
    name: str, sentiment: Subject, record_property: Callable[[str, object], None]
) -> None:
    result = run_check(sentiment_checks(sentiment.heldout)[name], sentiment.model)
    for key in ("kind", "cases", "failures", "failure_rate"):
        record_property(key, getattr(result, key))
    record_property("data", sentiment.data)
    shown = result.examples[0] if result.examples else "none"
    assert result.failure_rate <= TOLERANCE[name], f"{result}; first failure: {shown}"

"""CheckList tests of level 1's spam filter: minimum functionality, invariance, direction.

Each test runs one check and fails when its failure rate passes the tolerance (measured,
then rounded up: see the README). The rates go into the JUnit report as properties.
"""

from __future__ import annotations

from collections.abc import Callable

from level4.pipetest import mark, run_check
from level4.pipetest.checklists import SPAM_CHECKS, spam_checks
from level4.pipetest.models import Subject

TOLERANCE = {
    "obvious spam is caught": 0.05,
    "everyday messages are ham": 0.05,
    "typos in ham": 0.02,
    "typos in spam": 0.03,
    "names": 0.05,
    "punctuation": 0.02,
    "call to action raises the spam score": 0.02,
    "friendly sign-off does not raise the spam score": 0.02,
}


@mark.parametrize("name", SPAM_CHECKS)
def test_spam_filter(
    name: str, spam: Subject, record_property: Callable[[str, object], None]
) -> None:
    result = run_check(spam_checks(spam.heldout)[name], spam.model)
    for key in ("kind", "cases", "failures", "failure_rate"):
        record_property(key, getattr(result, key))
    record_property("data", spam.data)
    shown = result.examples[0] if result.examples else "none"
    assert result.failure_rate <= TOLERANCE[name], f"{result}; first failure: {shown}"

"""The differential oracle: every example test gets the same outcome under pipetest and pytest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from level4.pipetest.oracle import Comparison, compare

EXAMPLES = Path(__file__).parents[2] / "src" / "level4" / "pipetest" / "examples"


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the corpus, so neither tool can leave anything in the source tree."""
    copy = tmp_path_factory.mktemp("corpus") / "examples"
    shutil.copytree(EXAMPLES, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


@pytest.fixture(scope="module")
def suite(examples: Path) -> Comparison:
    return compare(examples / "suite")


def test_every_example_test_has_the_same_outcome_and_exit_code(suite: Comparison) -> None:
    assert suite.agree, suite.describe()
    outcomes = set(suite.ours.outcomes.values())
    assert outcomes == {"passed", "failed", "error", "skipped", "xfailed", "xpassed"}
    assert suite.ours.exit_code == 1
    assert len(suite.ours.outcomes) >= 45


def test_failed_asserts_are_explained_like_pytest(suite: Comparison) -> None:
    asserts = {
        key: message.removeprefix("AssertionError: ")
        for key, message in suite.theirs.messages.items()
        if "assert " in message
    }
    assert len(asserts) >= 5
    for key, message in asserts.items():
        assert suite.ours.messages[key] == message, key


def test_a_broken_import_interrupts_both_with_exit_code_2(examples: Path) -> None:
    comparison = compare(examples / "broken")
    assert comparison.agree, comparison.describe()
    assert comparison.ours.exit_code == 2
    assert comparison.ours.outcomes == {("", "test_broken_import"): "error"}


@pytest.mark.parametrize(
    "keyword", ["params and not sum", "TestArithmetic or (marks and not xfail)", "nothing_matches"]
)
def test_k_selects_the_same_tests(examples: Path, keyword: str) -> None:
    comparison = compare(examples / "suite", keyword=keyword)
    assert comparison.agree, comparison.describe()


def test_x_stops_at_the_same_test(examples: Path) -> None:
    comparison = compare(examples / "suite", exitfirst=True)
    assert comparison.agree, comparison.describe()
    assert list(comparison.ours.outcomes.values())[-1] == "failed"

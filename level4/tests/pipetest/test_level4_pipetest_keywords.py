"""-k expressions: Python's own boolean evaluation is the oracle for the parser."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from level4.pipetest.keywords import KeywordError, compile_keyword

WORDS = ["spam", "ham", "Test", "fix", "param"]
NAMES = st.lists(
    st.sampled_from(["test_spam", "TestHam", "fixtures.py", "x", "params[1]"]), max_size=4
)


def expressions() -> st.SearchStrategy[str]:
    leaves = st.sampled_from(WORDS)
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.tuples(inner, st.sampled_from(["and", "or"]), inner).map(
                lambda t: f"{t[0]} {t[1]} {t[2]}"
            ),
            inner.map(lambda e: f"not {e}"),
            inner.map(lambda e: f"({e})"),
        ),
        max_leaves=6,
    )


def python_truth(expression: str, names: list[str]) -> bool:
    """The same expression evaluated by Python, each word replaced by its match."""
    tokens = expression.replace("(", " ( ").replace(")", " ) ").split()
    replaced = [
        t
        if t in {"and", "or", "not", "(", ")"}
        else str(any(t.lower() in n.lower() for n in names))
        for t in tokens
    ]
    return bool(eval(" ".join(replaced)))


@given(expression=expressions(), names=NAMES)
def test_matches_pythons_boolean_logic(expression: str, names: list[str]) -> None:
    assert compile_keyword(expression)(names) == python_truth(expression, names)


def test_words_match_as_case_insensitive_substrings() -> None:
    matcher = compile_keyword("SUM and not stacked")
    assert matcher(["test_params.py", "test_sum[1-2-3]"])
    assert not matcher(["test_stacked[a-0]"])


@pytest.mark.parametrize("bad", ["and", "spam or", "(spam", "spam)", "not", "spam ham", "a $ b"])
def test_malformed_expressions_are_refused(bad: str) -> None:
    with pytest.raises(KeywordError):
        compile_keyword(bad)

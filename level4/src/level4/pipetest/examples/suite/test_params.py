# mypy: ignore-errors
# A data file of the differential oracle: plain pytest-style tests, left untyped on purpose.
"""parametrize: one argument, several, stacked, explicit ids and per-case marks."""

import pytest


@pytest.mark.parametrize("n", [1, 2, 3])
def test_positive(n):
    assert n > 0


@pytest.mark.parametrize(("a", "b", "total"), [(1, 2, 3), (2, 2, 5), (0, 0, 0)])
def test_sum(a, b, total):
    assert a + b == total


@pytest.mark.parametrize("x", [0, 1])
@pytest.mark.parametrize("y", ["a", "b"])
def test_stacked(x, y):
    assert isinstance(y, str)
    assert x in (0, 1)


@pytest.mark.parametrize("word", ["spam", "ham"], ids=["first", "second"])
def test_explicit_ids(word):
    assert word.isalpha()


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(1, id="one"),
        pytest.param(0, marks=pytest.mark.xfail(reason="zero is falsy"), id="zero"),
        pytest.param(2, marks=pytest.mark.skip(reason="not today")),
    ],
)
def test_param_objects(value):
    assert value


@pytest.mark.parametrize("text", ["a b", None, True, 1.5])
def test_id_kinds(text):
    assert text is not None


class TestParametrizedMethods:
    @pytest.mark.parametrize("n", [2, 4])
    def test_even(self, n):
        assert n % 2 == 0

# mypy: ignore-errors
# A data file of the differential oracle: plain pytest-style tests, left untyped on purpose.
"""Plain functions and classes: passing, failing asserts, and tests that raise."""


def add(a, b):
    return a + b


def test_addition_passes():
    assert add(2, 3) == 5


def test_assert_shows_both_sides():
    total = add(1, 2)
    assert total == 4


def test_list_comparison_fails():
    assert sorted([3, 1, 2]) == [1, 2, 4]


def test_raises_zero_division():
    return 1 / 0


def test_uses_conftest_fixture(numbers):
    assert sorted(numbers) == [1, 2, 3]


def helper_is_not_a_test():
    raise AssertionError("never collected")


class TestArithmetic:
    def test_subtraction(self):
        assert 5 - 3 == 2

    def test_membership_fails(self):
        assert "x" in "abc"

    def helper(self):
        raise AssertionError("never collected")


class TestWithInit:
    """pytest refuses classes with __init__ (a warning, no tests); pipetest does the same."""

    def __init__(self):
        self.value = 1

    def test_never_collected(self):
        raise AssertionError("never collected")


class NotATestClass:
    def test_never_collected(self):
        raise AssertionError("never collected")

# mypy: ignore-errors
# A data file of the differential oracle: plain pytest-style tests, left untyped on purpose.
"""skip, skipif and xfail as markers and as calls inside a test."""

import sys

import pytest


@pytest.mark.skip(reason="shown as skipped")
def test_skipped():
    raise AssertionError("never run")


@pytest.mark.skipif(sys.version_info >= (3, 0), reason="always true on Python 3")
def test_skipif_true():
    raise AssertionError("never run")


@pytest.mark.skipif(False, reason="never skips")
def test_skipif_false():
    assert True


@pytest.mark.xfail(reason="a known bug")
def test_expected_failure():
    assert 1 == 2


@pytest.mark.xfail(reason="fixed already")
def test_unexpected_pass():
    assert 1 == 1


@pytest.mark.xfail(strict=True, reason="must fail")
def test_strict_unexpected_pass():
    assert True


@pytest.mark.xfail(raises=KeyError, reason="only a KeyError is expected")
def test_xfail_wrong_exception():
    raise ValueError("not the expected one")


@pytest.mark.xfail(raises=KeyError)
def test_xfail_right_exception():
    raise KeyError("expected")


def test_skip_inside():
    pytest.skip("decided at run time")


def test_fail_inside():
    pytest.fail("explicit failure")


def test_xfail_inside():
    pytest.xfail("decided at run time")


@pytest.mark.skip(reason="class-wide")
class TestSkippedClass:
    def test_one(self):
        raise AssertionError("never run")

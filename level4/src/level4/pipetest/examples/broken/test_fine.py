# mypy: ignore-errors
# A data file of the differential oracle: plain pytest-style tests, left untyped on purpose.
"""A good module next to a broken one: not run either, the collection error stops the run."""


def test_would_pass():
    assert True

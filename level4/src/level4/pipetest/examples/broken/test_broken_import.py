# mypy: ignore-errors
# A data file of the differential oracle: plain pytest-style tests, left untyped on purpose.
"""A module that cannot be imported: a collection error, so the run is interrupted."""

import no_such_module_for_pipetest  # noqa: F401


def test_never_collected():
    assert True

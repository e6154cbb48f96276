# mypy: ignore-errors
# A data file of the differential oracle: plain pytest-style tests, left untyped on purpose.
"""Fixtures of every scope, yield teardown, fixtures that need fixtures, and broken fixtures."""

import pytest

CALLS = {"module": 0, "function": 0}


@pytest.fixture(scope="module")
def connection(events):
    CALLS["module"] += 1
    events.append("module setup")
    yield {"open": True}
    events.append("module teardown")


@pytest.fixture
def fresh_list(connection):
    CALLS["function"] += 1
    items = []
    yield items
    items.clear()


@pytest.fixture
def broken_setup():
    raise RuntimeError("cannot set up")


@pytest.fixture
def broken_teardown():
    yield 1
    raise RuntimeError("cannot tear down")


def test_first_use_sets_up_module_fixture(connection, fresh_list):
    fresh_list.append(1)
    assert connection["open"]
    assert CALLS == {"module": 1, "function": 1}


def test_module_fixture_is_shared(connection, fresh_list):
    assert fresh_list == []
    assert CALLS == {"module": 1, "function": 2}


def test_session_fixture_is_the_conftest_list(events):
    assert events[0] == "session setup"
    assert "module setup" in events


def test_error_in_fixture_setup(broken_setup):
    assert broken_setup


def test_missing_fixture(no_such_fixture):
    assert no_such_fixture


def test_error_in_fixture_teardown(broken_teardown):
    assert broken_teardown == 1


def test_tmp_path_is_an_empty_folder(tmp_path):
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "f.txt").write_text("x")

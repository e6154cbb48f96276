"""The runner in-process: fixtures and scopes, marks, outcomes, exit codes, -x, explained asserts."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from level4.pipetest import ExitCode, run_tests
from level4.pipetest.runner import SessionResult


def write(folder: Path, name: str, source: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return path


def outcomes(result: SessionResult) -> dict[str, str]:
    return {r.nodeid: r.outcome for r in result.reports}


def test_fixture_scopes_set_up_once_and_tear_down_in_reverse(tmp_path: Path) -> None:
    write(
        tmp_path,
        "conftest.py",
        """
        from level4.pipetest import fixture
        LOG = []

        @fixture(scope="session")
        def log():
            LOG.append("session up")
            yield LOG
            LOG.append("session down")
    """,
    )
    module = """
        from level4.pipetest import fixture

        @fixture(scope="module")
        def resource(log):
            log.append("module up {name}")
            yield "{name}"
            log.append("module down {name}")

        @fixture
        def item(resource, log):
            log.append("function up")
            yield resource
            log.append("function down")

        def test_one(item, log):
            log.append("test")

        def test_two(item, log):
            log.append("test")
    """
    write(tmp_path, "test_a.py", module.format(name="a"))
    write(tmp_path, "test_b.py", module.format(name="b"))
    write(
        tmp_path,
        "test_zz_check.py",
        """
        def test_log(log):
            per_module = ["function up", "test", "function down"] * 2
            assert log == [
                "session up", "module up a", *per_module, "module down a",
                "module up b", *per_module, "module down b",
            ]
    """,
    )
    result = run_tests([tmp_path])
    assert result.exit_code == ExitCode.OK, outcomes(result)
    assert len(result.reports) == 5


def test_pipetest_markers_params_and_imperative_outcomes(tmp_path: Path) -> None:
    write(
        tmp_path,
        "test_own_api.py",
        """
        from level4.pipetest import fail, mark, param, raises, skip, xfail

        @mark.parametrize("n, square", [(2, 4), param(3, 10, marks=mark.xfail, id="wrong")])
        def test_square(n, square):
            assert n * n == square

        @mark.skip(reason="later")
        def test_skipped():
            pass

        @mark.skipif("sys.version_info < (3, 0)", reason="old")
        def test_string_condition():
            pass

        @mark.xfail(strict=True)
        def test_strict():
            pass

        def test_raises():
            with raises(ValueError, match="bad"):
                int("bad")

        def test_raises_but_did_not():
            with raises(KeyError):
                pass

        def test_skip_call():
            skip("no")

        def test_xfail_call():
            xfail("known")

        def test_fail_call():
            fail("because")
    """,
    )
    got = outcomes(run_tests([tmp_path]))
    assert got == {
        "test_own_api.py::test_square[2-4]": "passed",
        "test_own_api.py::test_square[wrong]": "xfailed",
        "test_own_api.py::test_skipped": "skipped",
        "test_own_api.py::test_string_condition": "passed",
        "test_own_api.py::test_strict": "failed",
        "test_own_api.py::test_raises": "passed",
        "test_own_api.py::test_raises_but_did_not": "failed",
        "test_own_api.py::test_skip_call": "skipped",
        "test_own_api.py::test_xfail_call": "xfailed",
        "test_own_api.py::test_fail_call": "failed",
    }


def test_scope_mismatch_and_fixture_loops_are_setup_errors(tmp_path: Path) -> None:
    write(
        tmp_path,
        "test_bad_fixtures.py",
        """
        from level4.pipetest import fixture

        @fixture
        def narrow():
            return 1

        @fixture(scope="module")
        def wide(narrow):
            return narrow

        @fixture
        def ping(pong):
            return 1

        @fixture
        def pong(ping):
            return 1

        def test_wide(wide):
            pass

        def test_loop(ping):
            pass
    """,
    )
    result = run_tests([tmp_path])
    messages = {r.name: r.message for r in result.reports}
    assert outcomes(result) == {
        "test_bad_fixtures.py::test_wide": "error",
        "test_bad_fixtures.py::test_loop": "error",
    }
    assert "ScopeMismatch" in messages["test_wide"]
    assert "ping -> pong -> ping" in messages["test_loop"]


def test_nearest_conftest_wins_and_autouse_runs_first(tmp_path: Path) -> None:
    write(
        tmp_path,
        "conftest.py",
        """
        from level4.pipetest import fixture
        ORDER = []

        @fixture
        def where():
            return "root"

        @fixture(autouse=True)
        def first():
            ORDER.append("autouse")
    """,
    )
    write(
        tmp_path,
        "sub/conftest.py",
        """
        from level4.pipetest import fixture

        @fixture
        def where():
            return "sub"
    """,
    )
    write(tmp_path, "test_root.py", "def test_root(where):\n    assert where == 'root'\n")
    write(tmp_path, "sub/test_sub.py", "def test_sub(where):\n    assert where == 'sub'\n")
    result = run_tests([tmp_path])
    assert set(outcomes(result).values()) == {"passed"}, [r.longrepr for r in result.reports]


@pytest.mark.parametrize(
    ("source", "code"),
    [
        ("def test_ok():\n    pass\n", ExitCode.OK),
        ("def test_bad():\n    assert False\n", ExitCode.TESTS_FAILED),
        ("import no_such_module_here\n", ExitCode.INTERRUPTED),
        ("def helper():\n    pass\n", ExitCode.NO_TESTS_COLLECTED),
    ],
)
def test_exit_codes_are_pytests(tmp_path: Path, source: str, code: int) -> None:
    write(tmp_path, "test_one.py", source)
    assert run_tests([tmp_path]).exit_code == code


def test_x_stops_after_the_first_failure_and_still_tears_down(tmp_path: Path) -> None:
    write(
        tmp_path,
        "test_stop.py",
        """
        from level4.pipetest import fixture
        DOWN = []

        @fixture(scope="session")
        def res():
            yield 1
            DOWN.append(1)

        def test_a(res):
            pass

        def test_b(res):
            assert res == 2

        def test_c(res):
            pass
    """,
    )
    result = run_tests([tmp_path], exitfirst=True)
    assert [r.outcome for r in result.reports] == ["passed", "failed"]
    assert result.stopped_early


def test_k_uses_names_of_files_classes_and_marks(tmp_path: Path) -> None:
    write(
        tmp_path,
        "test_kw.py",
        """
        from level4.pipetest import mark

        class TestGroup:
            def test_in_class(self):
                pass

        @mark.slow
        def test_marked():
            pass

        def test_plain():
            pass
    """,
    )
    assert [r.name for r in run_tests([tmp_path], keyword="TestGroup or slow").reports] == [
        "test_in_class",
        "test_marked",
    ]
    assert run_tests([tmp_path], keyword="not kw").exit_code == ExitCode.NO_TESTS_COLLECTED


def test_explained_asserts_show_values_where_lines_and_differences(tmp_path: Path) -> None:
    write(
        tmp_path,
        "test_explain.py",
        """
        def double(x):
            return 2 * x

        def test_call():
            assert double(2) == 5

        def test_dict():
            left = {"a": 1, "b": 2}
            assert left == {"a": 1, "b": 3, "c": 4}

        def test_and():
            items = [1, 2]
            assert len(items) == 2 and items[0] > 5

        def test_message():
            x = 1
            assert x > 2, "x is too small"

        def test_comprehension():
            limit = 2
            assert all([v < limit for v in [1, 2, 3]])

        def test_plain_raise():
            raise AssertionError("raised by hand")
    """,
    )
    reports = {r.name: r for r in run_tests([tmp_path]).reports}
    assert reports["test_call"].message == "assert 4 == 5"
    assert "where 4 = double(2)" in reports["test_call"].longrepr
    assert "Differing items: {'b': 2} != {'b': 3}" in reports["test_dict"].longrepr
    assert "Right contains more items: {'c': 4}" in reports["test_dict"].longrepr
    assert reports["test_and"].message == "assert 1 > 5"
    assert reports["test_message"].message == "x is too small"
    assert "assert 1 > 2" in reports["test_message"].longrepr
    assert reports["test_comprehension"].message == "assert False"
    assert reports["test_plain_raise"].message == "AssertionError: raised by hand"


def test_output_is_captured_per_test_and_nothing_is_written_to_the_folder(tmp_path: Path) -> None:
    write(tmp_path, "test_print.py", "def test_loud():\n    print('hello from the test')\n")
    before = sorted(tmp_path.rglob("*"))
    (report,) = run_tests([tmp_path]).reports
    assert report.stdout == "hello from the test\n"
    assert sorted(tmp_path.rglob("*")) == before


def test_keyboard_interrupt_is_not_a_test_failure(tmp_path: Path) -> None:
    write(tmp_path, "test_ctrl_c.py", "def test_stop():\n    raise KeyboardInterrupt\n")
    with pytest.raises(KeyboardInterrupt):
        run_tests([tmp_path])

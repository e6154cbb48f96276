"""The modules every mini-project shares: cli and atomic writes (the tour: test_level0_shared_tour.py)."""

from __future__ import annotations

import argparse
import os
import stat
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from level0 import atomic, cli, lazy


def test_atomic_write_replaces_whole_file_with_usual_permissions(tmp_path):
    target = tmp_path / "out.txt"
    atomic.atomic_write_text(target, "first")
    atomic.atomic_write_text(target, "second")
    assert target.read_text() == "second"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_failed_atomic_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "data.csv"
    target.write_text("precious")

    def crash_mid_write() -> None:
        with atomic.atomic_open(target) as handle:
            handle.write("half of the new")
            raise RuntimeError("crash mid-write")

    with pytest.raises(RuntimeError):
        crash_mid_write()
    assert target.read_text() == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["data.csv"]


def make_cli(error: Exception | None):
    parser = cli.make_parser("demo", "A demo tool.", "demo --flag")

    def handler(args):
        if error is not None:
            raise error
        return 0

    return parser, handler


@pytest.mark.parametrize(
    ("error", "code", "message"),
    [
        (None, 0, ""),
        (cli.UsageError("bad id 7"), 2, "error: bad id 7\n"),
        (cli.Failure("disk full"), 1, "error: disk full\n"),
        (
            FileNotFoundError(2, "No such file or directory", "x.csv"),
            1,
            "error: No such file or directory: x.csv\n",
        ),
        (ValueError("line one\nline two"), 1, "error: line one line two\n"),
    ],
)
def test_cli_run_maps_errors_to_one_line_and_exit_code(capsys, error, code, message):
    parser, handler = make_cli(error)
    assert cli.run(parser, handler, []) == code
    assert capsys.readouterr().err == message


def test_cli_debug_shows_the_traceback():
    parser, handler = make_cli(cli.Failure("boom"))
    with pytest.raises(cli.Failure):
        cli.run(parser, handler, ["--debug"])


def test_help_ends_with_an_example(capsys):
    parser, handler = make_cli(None)
    with pytest.raises(SystemExit):
        cli.run(parser, handler, ["--help"])
    assert "example:\n  demo --flag" in capsys.readouterr().out


# --- numbers with a range, memory budget, lazy exports, Ctrl-C -----------------------


@given(st.integers())
def test_int_in_accepts_exactly_its_range(value):
    bounded = cli.int_in(1, 1000)
    if 1 <= value <= 1000:
        assert bounded(str(value)) == value
    else:
        with pytest.raises(argparse.ArgumentTypeError, match="from 1 to 1,000"):
            bounded(str(value))


@pytest.mark.parametrize("text", ["nan", "inf", "-inf", "1e999", "abc", "", "0x10"])
def test_float_in_refuses_what_is_not_a_finite_number_in_range(text):
    with pytest.raises(argparse.ArgumentTypeError):
        cli.float_in(0.0, 1.0)(text)


def test_a_huge_number_is_a_usage_error_in_one_line(capsys):
    parser = cli.make_parser("demo", "A demo tool.", "demo --rows 10")
    parser.add_argument("--rows", type=cli.int_in(1, 10**6))
    with pytest.raises(SystemExit) as end:
        cli.run(parser, lambda args: 0, ["--rows", "9" * 40])
    assert end.value.code == 2
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert "--rows: must be an integer from 1 to 1,000,000, got 99999999999999999999..." in error


def test_require_memory_refuses_a_job_larger_than_the_budget(monkeypatch):
    monkeypatch.setattr(cli, "available_memory", lambda: 8 * 1024**3)
    cli.require_memory(3 * 1024**3, "a small job")  # under half of 8 GB: fine
    with pytest.raises(cli.UsageError, match=r"about 10 GB .* at most about 4,096 fit"):
        cli.require_memory(10 * 1024**3, "a big job", unit_bytes=1024**2)


def test_version_names_the_tool(capsys):
    parser = cli.make_parser("python -m level0.demo", "A demo tool.", "demo")
    with pytest.raises(SystemExit):
        parser.parse_args(["--version"])
    assert capsys.readouterr().out.startswith("python -m level0.demo 0.")


def test_lazy_exports_import_on_first_use(tmp_path, monkeypatch):
    package = tmp_path / "lazydemo"
    package.mkdir()
    (package / "heavy.py").write_text(
        "import sys\nsys.modules['lazydemo'].LOADED = True\nANSWER = 42\n"
    )
    (package / "__init__.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "from level0.lazy import lazy_exports\n"
        "LOADED = False\n"
        "if TYPE_CHECKING:\n    from .heavy import ANSWER\n"
        "__all__ = ['ANSWER']\n"
        "__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    import lazydemo  # type: ignore[import-not-found]

    assert lazydemo.LOADED is False
    assert "ANSWER" in dir(lazydemo)
    assert lazydemo.ANSWER == 42
    assert lazydemo.LOADED is True
    with pytest.raises(AttributeError):
        _ = lazydemo.MISSING


def test_lazy_exports_report_a_name_no_import_gives(tmp_path):
    init = tmp_path / "__init__.py"
    init.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from x import a\n")
    with pytest.raises(ImportError, match=r"\['b'\]"):
        lazy.lazy_exports("demo", str(init), ["a", "b"])


def test_ctrl_c_while_importing_prints_one_line(tmp_path):
    script = tmp_path / "slow_import.py"
    script.write_text("import level0\nraise KeyboardInterrupt\n")
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=False
    )
    assert done.returncode in (130, -2)
    assert done.stderr == "error: interrupted\n"


def test_an_uncaught_error_after_a_ctrl_c_is_the_interruption(tmp_path):
    script = tmp_path / "echo.py"  # a library that turns the KeyboardInterrupt into its own error
    script.write_text(
        "import os, signal, level0\n"
        "try:\n    os.kill(os.getpid(), signal.SIGINT)\n"
        "except KeyboardInterrupt:\n    raise ValueError('not a valid buffer format') from None\n"
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=False
    )
    assert done.returncode == -2
    assert done.stderr == "error: interrupted\n"


def test_an_import_broken_by_ctrl_c_is_an_interruption(capsys):
    def handler(args):
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as exc:  # what an interrupted C-extension import looks like
            raise ImportError("initialization failed") from exc

    parser = cli.make_parser("demo", "A demo tool.", "demo")
    assert cli.run(parser, handler, []) == 130
    assert capsys.readouterr().err == "error: interrupted\n"


def test_any_error_after_a_ctrl_c_is_the_interruption(capsys, monkeypatch):
    # numpy turns a Ctrl-C inside its buffer-format parser into this ValueError (seen in CI)
    monkeypatch.setattr(cli, "requested", lambda: True)
    parser, handler = make_cli(ValueError("'T{=d:x:}' is not a valid PEP 3118 buffer format"))
    assert cli.run(parser, handler, []) == 130
    assert capsys.readouterr().err == "error: interrupted\n"


def test_an_unknown_error_keeps_its_traceback():
    parser, handler = make_cli(RuntimeError("a bug"))
    with pytest.raises(RuntimeError):
        cli.run(parser, handler, [])


def test_version_of_a_console_script_names_its_module(capsys):
    parser = cli.make_parser("demotool", "A demo tool.", "demotool", module="level0.demo")
    with pytest.raises(SystemExit):
        parser.parse_args(["--version"])
    assert capsys.readouterr().out.startswith("demotool (level0.demo) 0.")


def test_a_package_keeps_a_function_named_like_its_module(tmp_path, monkeypatch):
    package = tmp_path / "shadowdemo"
    package.mkdir()
    (package / "compare.py").write_text("def compare():\n    return 'function'\n")
    (package / "other.py").write_text("from shadowdemo.compare import compare as _c\nX = 1\n")
    (package / "__init__.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "from level0.lazy import lazy_exports\n"
        "if TYPE_CHECKING:\n    from .compare import compare\n    from .other import X\n"
        "__all__ = ['X', 'compare']\n"
        "__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    import shadowdemo  # type: ignore[import-not-found]

    assert shadowdemo.X == 1  # importing other.py imported compare.py as a side effect
    assert shadowdemo.compare() == "function"
    assert sys.modules["shadowdemo.compare"].compare is shadowdemo.compare


def test_a_ctrl_c_after_the_work_is_done_changes_nothing(tmp_path):
    script = tmp_path / "late_ctrl_c.py"
    script.write_text(
        "import os, signal, sys\n"
        "from level0 import cli\n"
        "code = cli.run(cli.make_parser('demo', 'A demo tool.', 'demo'), lambda args: 0)\n"
        "os.kill(os.getpid(), signal.SIGINT)  # as if pressed while the interpreter exits\n"
        "print('done')\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "done\n", "")

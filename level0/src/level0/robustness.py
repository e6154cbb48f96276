"""Hostile-input tests for every command-line tool of a level.

Each level's suite holds one small subclass of :class:`CliRobustness` that names its
hostile cases; the checks themselves live here, once::

    class TestLevel1Clis(CliRobustness):
        level = "level1"
        hostile = {"level1.spam": [["predict", "{missing}", "hello"], ...], ...}
        busy = {"level1.spam": ["train", "--corpus", "sms", "-o", "{out}"], ...}

Every CLI of the level (every subpackage with a ``__main__.py``) then gets: ``--help``
of the tool and of each subcommand answers with exit code 0; ``--version`` answers; an
unknown flag is a usage error; every numeric argument has a stated range and refuses
``99999999999999999999999``; every hostile case fails with exit code 1 or 2, one
``error:`` line, no traceback and no file left behind; and Ctrl-C at random moments of
a busy run ends with one line (or the run finishes) and leaves no temporary file.

Placeholders in the cases are replaced by paths in a fresh working folder:
``{missing}`` (no such file), ``{empty}`` (empty file), ``{binary}`` (bytes that are
not text), ``{latin1}`` (text that is not UTF-8), ``{directory}`` (a folder), ``{out}``
(a path to write to, not yet existing); a suffix picks the file name's extension, as in
``{binary.csv}``. Each call is bounded by a timeout, so a hang fails instead of stalling.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import importlib.util
import io
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from level0.cli import is_bounded

__all__ = ["HUGE", "CliRobustness", "Outcome", "find_clis", "run_cli"]

HUGE = "99999999999999999999999"
TIMEOUT = 180.0  # seconds; generous for a loaded 2-core machine, short of a real hang
PLACEHOLDER = re.compile(r"\{(missing|empty|binary|latin1|directory|out)(\.\w+)?\}")
ERROR_LINE = re.compile(r"(^|: )error: ")


@dataclass
class Outcome:
    """What one CLI call did."""

    argv: list[str]
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    interrupted: bool = False

    def describe(self) -> str:
        return (
            f"python -m {' '.join(self.argv)} -> exit {self.returncode} in {self.seconds:.1f} s\n"
            f"--- stderr ---\n{self.stderr[-3000:]}\n--- stdout ---\n{self.stdout[-1000:]}"
        )


def _environment(home: Path) -> dict[str, str]:
    """The caller's environment with a private home, so no tool touches the user's files."""
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        COLUMNS="100",
        PYTHONIOENCODING="utf-8",
    )
    env.pop("PYTHONBREAKPOINT", None)
    # Machines that set this recompile pandas and scikit-learn in every child process
    # (seconds per call); the CLIs under test may write their bytecode like any program.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_cli(
    module: str,
    args: list[str],
    cwd: Path,
    *,
    interrupt_after: float | None = None,
    timeout: float = TIMEOUT,
) -> Outcome:
    """Run ``python -m module args`` in ``cwd``; with ``interrupt_after``, press Ctrl-C then.

    Ctrl-C goes to the whole process group, as a terminal sends it. A call that outlives
    ``timeout`` is killed and reported as a hang.
    """
    home = cwd / ".home"
    home.mkdir(exist_ok=True)
    argv = [module, *args]
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", *argv],
        cwd=cwd,
        env=_environment(home),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
        start_new_session=True,
    )
    interrupted = False
    if interrupt_after is not None:
        try:
            process.wait(timeout=interrupt_after)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGINT)
            interrupted = True
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        stdout, stderr = process.communicate()
        pytest.fail(f"python -m {' '.join(argv)} hung: killed after {timeout:.0f} s\n{stderr}")
    return Outcome(
        argv, process.returncode, stdout, stderr, time.perf_counter() - start, interrupted
    )


def assert_one_line_error(outcome: Outcome, codes: set[int]) -> None:
    """Exit code in ``codes``, exactly one ``error:`` line and no traceback."""
    assert outcome.returncode in codes, outcome.describe()
    assert "Traceback" not in outcome.stderr, outcome.describe()
    errors = [line for line in outcome.stderr.splitlines() if ERROR_LINE.search(line)]
    assert len(errors) == 1, outcome.describe()


def make_inputs(folder: Path, args: list[str]) -> list[str]:
    """Create the hostile files the placeholders in ``args`` name; return the real arguments."""

    def create(match: re.Match[str]) -> str:
        kind, suffix = match.group(1), match.group(2) or ""
        path = folder / f"{kind}{suffix}"
        if kind == "empty":
            path.write_bytes(b"")
        elif kind == "binary":
            path.write_bytes(bytes(range(256)) * 4 + b"\x00\xff\xfe")
        elif kind == "latin1":
            path.write_bytes("café,naïve,Ærø\n1,2,3\n".encode("latin-1"))
        elif kind == "directory":
            path.mkdir(exist_ok=True)
        return str(path)

    return [PLACEHOLDER.sub(create, arg) for arg in args]


def snapshot(folder: Path) -> set[Path]:
    """Every path below ``folder`` except the private home."""
    return {p.relative_to(folder) for p in folder.rglob("*") if ".home" not in p.parts}


def subcommands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[Any]:
    """``(path, parser)`` for the parser and every subcommand's parser, depth first."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from subcommands(child, (*path, name))


def numeric_arguments(parser: argparse.ArgumentParser) -> Iterator[tuple[tuple[str, ...], Any]]:
    """``(subcommand path, action)`` for every argument that converts to a number."""
    for path, sub in subcommands(parser):
        for action in sub._actions:
            kind = action.type
            if kind in (int, float) or is_bounded(kind):
                yield path, action


def find_clis(level: str) -> list[str]:
    """The mini-projects of ``level`` that have a CLI (a ``__main__.py``), without importing them."""
    spec = importlib.util.find_spec(level)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"{level} is not an installed package")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return sorted(f"{level}.{main.parent.name}" for main in folder.glob("*/__main__.py"))


class CliRobustness:
    """The checks every level runs over all its CLIs; subclasses name the hostile cases."""

    level: ClassVar[str]
    hostile: ClassVar[dict[str, list[list[str]]]] = {}
    busy: ClassVar[dict[str, list[str]]] = {}

    @classmethod
    def clis(cls) -> list[str]:
        return find_clis(cls.level)

    def pytest_generate_tests(self, metafunc: pytest.Metafunc) -> None:
        if "cli" in metafunc.fixturenames:
            metafunc.parametrize("cli", self.clis())
        if "hostile_case" in metafunc.fixturenames:
            cases = [(m, argv) for m, argvs in sorted(self.hostile.items()) for argv in argvs]
            ids = [f"{m.split('.')[-1]}:{' '.join(argv)}"[:80] for m, argv in cases]
            metafunc.parametrize("hostile_case", cases, ids=ids)
        if "busy_case" in metafunc.fixturenames:
            metafunc.parametrize("busy_case", sorted(self.busy.items()), ids=sorted(self.busy))

    @staticmethod
    def parser_of(cli: str) -> argparse.ArgumentParser:
        module = importlib.import_module(f"{cli}.__main__")
        parser: argparse.ArgumentParser = module.build_parser()
        return parser

    def test_every_cli_has_hostile_cases_and_a_busy_run(self) -> None:
        clis = set(self.clis())
        assert clis, f"no CLIs found in {self.level}"
        assert clis <= set(self.hostile), f"no hostile cases for {sorted(clis - set(self.hostile))}"
        assert clis <= set(self.busy), (
            f"no busy run to interrupt for {sorted(clis - set(self.busy))}"
        )

    def test_level_entry_point_lists_and_refuses_unknown_commands(self, tmp_path: Path) -> None:
        listing = run_cli(self.level, [], tmp_path)
        assert listing.returncode == 0, listing.describe()
        assert "tour" in listing.stdout
        assert_one_line_error(run_cli(self.level, ["no-such-command"], tmp_path), {2})

    def test_help_of_the_tool_and_every_subcommand(self, cli: str, tmp_path: Path) -> None:
        outcome = run_cli(cli, ["--help"], tmp_path)
        assert outcome.returncode == 0, outcome.describe()
        assert "usage:" in outcome.stdout, outcome.describe()
        assert "example" in outcome.stdout, outcome.describe()
        for path, sub in subcommands(self.parser_of(cli)):
            with (
                contextlib.redirect_stdout(io.StringIO()) as shown,
                pytest.raises(SystemExit) as end,
            ):
                sub.parse_args(["--help"])  # formats every help string, as the real --help does
            assert end.value.code == 0, (path, shown.getvalue())
            assert "usage:" in shown.getvalue(), (path, shown.getvalue())

    def test_version_and_unknown_flag(self, cli: str, tmp_path: Path) -> None:
        version = run_cli(cli, ["--version"], tmp_path)
        assert version.returncode == 0, version.describe()
        assert cli in version.stdout, version.describe()
        assert_one_line_error(run_cli(cli, ["--no-such-flag"], tmp_path), {2})

    def test_every_number_has_a_stated_range(self, cli: str) -> None:
        parser = self.parser_of(cli)
        for path, action in numeric_arguments(parser):
            name = "/".join(action.option_strings or [action.dest])
            assert is_bounded(action.type), (
                f"{cli} {' '.join(path)} {name}: use level0.cli.int_in/float_in, not a bare "
                f"{getattr(action.type, '__name__', action.type)}"
            )
            if not action.option_strings:
                continue  # a positional needs its neighbours; the type check above covers it
            stderr = io.StringIO()
            with contextlib.redirect_stderr(stderr), pytest.raises(SystemExit) as end:
                dict(subcommands(parser))[path].parse_args([action.option_strings[0], HUGE])
            assert end.value.code == 2, stderr.getvalue()
            assert "must be" in stderr.getvalue(), stderr.getvalue()

    def test_hostile_input_fails_in_one_line_and_writes_nothing(
        self, hostile_case: tuple[str, list[str]], tmp_path: Path
    ) -> None:
        cli, template = hostile_case
        args = make_inputs(tmp_path, template)
        before = snapshot(tmp_path)
        outcome = run_cli(cli, args, tmp_path)
        assert_one_line_error(outcome, {1, 2})
        assert snapshot(tmp_path) == before, f"files left behind: {snapshot(tmp_path) - before}"

    @settings(
        max_examples=2,
        deadline=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.differing_executors,
        ],
    )
    @given(delay=st.floats(min_value=0.2, max_value=2.5))
    def test_ctrl_c_at_any_moment_ends_in_one_line(
        self,
        busy_case: tuple[str, list[str]],
        tmp_path_factory: pytest.TempPathFactory,
        delay: float,
    ) -> None:
        cli, template = busy_case
        folder = tmp_path_factory.mktemp("interrupt")
        outcome = run_cli(cli, make_inputs(folder, template), folder, interrupt_after=delay)
        if outcome.interrupted and outcome.returncode != 0:
            assert_one_line_error(outcome, {130, -signal.SIGINT})
            assert "interrupted" in outcome.stderr, outcome.describe()
        else:
            assert outcome.returncode == 0, outcome.describe()
        leftovers = [p for p in snapshot(folder) if any(part.startswith(".") for part in p.parts)]
        assert not leftovers, f"temporary files left after Ctrl-C: {leftovers}"

"""The differential oracle: run the same test files under pytest and pipetest and compare.

pytest runs in a subprocess with ``--junit-xml`` (and ``-rA``, whose ``XPASS`` lines tell
an unexpected pass from a pass, which JUnit XML cannot). Its ini file is an empty one of
our own and its root folder is the tested folder, so no project configuration leaks in
and both tools name every test the same way. Both runs are read as
``{(classname, name): outcome}``; they agree when the keys, every outcome and the exit
codes are the same.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from level4.pipetest.junit import read_junit, read_junit_messages
from level4.pipetest.runner import run_tests

__all__ = ["Comparison", "ToolRun", "compare", "run_pipetest", "run_pytest"]

Key = tuple[str, str]
XPASS_LINE = re.compile(r"^XPASS (\S+)", re.MULTILINE)


@dataclass(frozen=True)
class ToolRun:
    """One tool's exit code, outcome per test, and the message of each failure or error."""

    tool: str
    exit_code: int
    outcomes: dict[Key, str]
    messages: dict[Key, str]


def key_of(nodeid: str) -> Key:
    """``("test_x.TestA", "test_b[1]")`` for ``test_x.py::TestA::test_b[1]``."""
    path, *parts = nodeid.split("::")
    dotted = path.removesuffix(".py").replace("/", ".")
    return ".".join([dotted, *parts[:-1]]), parts[-1]


def run_pytest(folder: Path, *args: str, timeout: float = 300.0) -> ToolRun:
    """pytest on ``folder`` (as its root folder) in a subprocess; nothing is written there."""
    folder = folder.resolve()
    with tempfile.TemporaryDirectory(prefix="pipetest-oracle-") as scratch:
        ini, xml = Path(scratch, "pytest.ini"), Path(scratch, "report.xml")
        ini.write_text("[pytest]\n", encoding="utf-8")
        command = [
            sys.executable,
            "-m",
            "pytest",
            str(folder),
            "-c",
            str(ini),
            "--rootdir",
            str(folder),
            "-p",
            "no:cacheprovider",
            "-p",
            "no:mlroadmap",
            "-q",
            "-rA",
            "--junit-xml",
            str(xml),
            *args,
        ]
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            check=False,
            cwd=folder,  # -rA then prints node ids relative to the root folder
        )
        outcomes = read_junit(xml) if xml.exists() else {}
        messages = read_junit_messages(xml) if xml.exists() else {}
    for nodeid in XPASS_LINE.findall(done.stdout):
        outcomes[key_of(nodeid)] = "xpassed"
    return ToolRun("pytest", done.returncode, outcomes, messages)


def run_pipetest(folder: Path, *, keyword: str | None = None, exitfirst: bool = False) -> ToolRun:
    """pipetest on ``folder``, in this process."""
    result = run_tests([folder], keyword=keyword, exitfirst=exitfirst)
    outcomes = {key_of(r.nodeid): r.outcome for r in result.reports}
    messages = {
        key_of(r.nodeid): r.message for r in result.reports if r.outcome in ("failed", "error")
    }
    for error in result.collect_errors:
        outcomes[("", error.nodeid.removesuffix(".py").replace("/", "."))] = "error"
    return ToolRun("pipetest", result.exit_code, outcomes, messages)


@dataclass(frozen=True)
class Comparison:
    """Where two runs differ (empty lists and equal exit codes: they agree)."""

    ours: ToolRun
    theirs: ToolRun

    @property
    def only_ours(self) -> list[Key]:
        return sorted(self.ours.outcomes.keys() - self.theirs.outcomes.keys())

    @property
    def only_theirs(self) -> list[Key]:
        return sorted(self.theirs.outcomes.keys() - self.ours.outcomes.keys())

    @property
    def different(self) -> list[tuple[Key, str, str]]:
        common = self.ours.outcomes.keys() & self.theirs.outcomes.keys()
        return sorted(
            (k, self.ours.outcomes[k], self.theirs.outcomes[k])
            for k in common
            if self.ours.outcomes[k] != self.theirs.outcomes[k]
        )

    @property
    def agree(self) -> bool:
        return (
            self.ours.exit_code == self.theirs.exit_code
            and not self.only_ours
            and not self.only_theirs
            and not self.different
        )

    def describe(self) -> str:
        lines = [
            f"exit codes: pipetest {self.ours.exit_code}, pytest {self.theirs.exit_code}; "
            f"{len(self.ours.outcomes)} tests against {len(self.theirs.outcomes)}"
        ]
        lines += [f"only pipetest: {k}" for k in self.only_ours]
        lines += [f"only pytest: {k}" for k in self.only_theirs]
        lines += [f"{k}: pipetest {a}, pytest {b}" for k, a, b in self.different]
        return "\n".join(lines)


def compare(folder: Path, *, keyword: str | None = None, exitfirst: bool = False) -> Comparison:
    """Run ``folder`` under both tools (with the same ``-k``/``-x``) and compare."""
    extra = [*(["-k", keyword] if keyword else []), *(["-x"] if exitfirst else [])]
    return Comparison(
        run_pipetest(folder, keyword=keyword, exitfirst=exitfirst), run_pytest(folder, *extra)
    )

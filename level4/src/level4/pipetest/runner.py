"""Running: skip and xfail marks, fixtures, the call, capture, and one report per test.

Each test goes through pytest's three phases. *Setup* evaluates ``skip``/``skipif`` and
``xfail(run=False)`` marks, then creates the fixtures; *call* runs the function with its
output captured; *teardown* finishes the fixtures whose scope ends. A test's outcome is
``passed``, ``failed`` (the call raised), ``error`` (setup or teardown raised), ``skipped``,
``xfailed`` (failed under an ``xfail`` mark) or ``xpassed`` (passed under one; a failure
with ``strict=True``). Exceptions are caught per test, so one broken test never stops the
run; ``KeyboardInterrupt`` is not caught and ends it.
"""

from __future__ import annotations

import contextlib
import io
import os
import platform
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from level4.pipetest.assertion import explain_assertion
from level4.pipetest.collect import CollectError, Collection, Item, collect, forget_modules
from level4.pipetest.fixtures import FixtureManager
from level4.pipetest.keywords import compile_keyword
from level4.pipetest.markers import Mark, outcome_of_signal

__all__ = ["OUTCOMES", "ExitCode", "Report", "SessionResult", "run_tests"]

OUTCOMES = ("passed", "failed", "error", "skipped", "xfailed", "xpassed")


class ExitCode:
    """pytest's exit codes."""

    OK = 0
    TESTS_FAILED = 1
    INTERRUPTED = 2
    NO_TESTS_COLLECTED = 5


@dataclass
class Report:
    """What happened to one test."""

    nodeid: str
    classname: str
    name: str
    outcome: str
    when: str = "call"  # the phase that decided the outcome: setup, call or teardown
    message: str = ""  # one line (the short summary); ``longrepr`` has the whole story
    longrepr: str = ""
    duration: float = 0.0
    stdout: str = ""
    properties: list[tuple[str, object]] = field(default_factory=list)
    location: str = ""


@dataclass
class SessionResult:
    """The whole run: reports in run order, collection errors, how many were deselected."""

    root: Path
    reports: list[Report]
    collect_errors: list[CollectError]
    collected: int
    deselected: int
    duration: float
    stopped_early: bool = False

    def counts(self) -> dict[str, int]:
        found = dict.fromkeys(OUTCOMES, 0)
        for report in self.reports:
            found[report.outcome] += 1
        return found

    @property
    def exit_code(self) -> int:
        if self.collect_errors:
            return ExitCode.INTERRUPTED
        if not self.reports:
            return ExitCode.NO_TESTS_COLLECTED
        if any(r.outcome in ("failed", "error") for r in self.reports):
            return ExitCode.TESTS_FAILED
        return ExitCode.OK


def _first(marks: list[Mark], name: str) -> Mark | None:
    return next((m for m in marks if m.name == name), None)


def _condition(value: Any, item: Item) -> bool:
    if isinstance(value, str):  # pytest evaluates a string condition in the module's namespace
        namespace = {"os": os, "sys": sys, "platform": platform, **vars(item.module)}
        return bool(eval(value, namespace))
    return bool(value)


def skip_reason(item: Item) -> str | None:
    """Why ``item`` is skipped by a ``skip`` or true ``skipif`` mark, or None."""
    for found in item.marks:
        if found.name == "skip":
            return str(
                found.kwargs.get("reason", found.args[0] if found.args else "unconditional skip")
            )
        if found.name == "skipif":
            conditions = found.args or (found.kwargs.get("condition"),)
            if any(_condition(c, item) for c in conditions):
                return str(found.kwargs.get("reason", ""))
    return None


def active_xfail(item: Item) -> Mark | None:
    """The ``xfail`` mark that applies to ``item`` (its conditions, if any, are true)."""
    for found in item.marks:
        if found.name != "xfail":
            continue
        conditions = found.args or (
            (found.kwargs["condition"],) if "condition" in found.kwargs else ()
        )
        if not conditions or any(_condition(c, item) for c in conditions):
            return found
    return None


HERE = Path(__file__).resolve().parent


def format_traceback(exc: BaseException) -> str:
    """The traceback without pipetest's own frames at its top (they say nothing about the test)."""
    tb = exc.__traceback__
    while tb is not None and Path(tb.tb_frame.f_code.co_filename).resolve().parent == HERE:
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(exc), exc, tb or exc.__traceback__)).rstrip()


def describe(exc: BaseException) -> tuple[str, str]:
    """``(one-line message, full text)`` for an exception raised by a test or fixture."""
    if isinstance(exc, AssertionError):
        explained = explain_assertion(exc)
        if explained:
            return explained.splitlines()[0], format_traceback(exc) + "\n\n" + explained
    signal = outcome_of_signal(exc)
    headline = (
        f"Failed: {signal[1]}"
        if signal
        else f"{type(exc).__name__}: {exc}"
        if str(exc)
        else type(exc).__name__
    )
    return " ".join(headline.split()), format_traceback(exc)


class _Capture:
    """Collects what a test prints (Python-level ``sys.stdout``/``sys.stderr``)."""

    def __init__(self) -> None:
        self.buffer = io.StringIO()

    @contextlib.contextmanager
    def __call__(self) -> Any:
        with contextlib.redirect_stdout(self.buffer), contextlib.redirect_stderr(self.buffer):
            yield


def run_item(item: Item, fixtures: FixtureManager, following: Item | None) -> Report:
    """Setup, call and teardown of one test, and its report."""
    report = Report(item.nodeid, item.classname, item.name, "passed", location=str(item.path))
    capture = _Capture()
    start = time.perf_counter()
    xfail_mark = active_xfail(item)
    fixtures.enter(item)
    try:
        with capture():
            _setup_and_call(item, fixtures, report, xfail_mark)
    finally:
        with capture():
            errors = fixtures.leave(item, following)
        report.properties = list(fixtures.properties)
        if errors and report.outcome not in ("error",):
            message, text = describe(errors[0])
            report.outcome, report.when = "error", "teardown"
            report.message, report.longrepr = f'failed on teardown with "{message}"', text
        report.duration = time.perf_counter() - start
        report.stdout = capture.buffer.getvalue()
    return report


def _setup_and_call(
    item: Item, fixtures: FixtureManager, report: Report, xfail_mark: Mark | None
) -> None:
    reason = skip_reason(item)
    if reason is not None:
        report.outcome, report.when, report.message = "skipped", "setup", reason
        return
    if xfail_mark is not None and xfail_mark.kwargs.get("run", True) is False:
        report.outcome, report.when = "xfailed", "setup"
        report.message = f"[NOTRUN] {xfail_mark.kwargs.get('reason', '')}".strip()
        return
    report.when = "setup"
    try:
        kwargs = fixtures.arguments(item)
        report.when = "call"
        function = item.function
        if item.cls is not None:
            function = getattr(item.cls(), item.function.__name__)
        function(**kwargs)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # every failure of the test belongs in its report
        _judge_exception(exc, report, xfail_mark)
        return
    if xfail_mark is not None:
        reason = str(xfail_mark.kwargs.get("reason", ""))
        if xfail_mark.kwargs.get("strict", False):
            report.outcome, report.message = "failed", f"[XPASS(strict)] {reason}".strip()
            report.longrepr = report.message
        else:
            report.outcome, report.message = "xpassed", reason


def _judge_exception(exc: BaseException, report: Report, xfail_mark: Mark | None) -> None:
    signal = outcome_of_signal(exc)
    if signal is not None and signal[0] in ("skipped", "xfailed"):
        report.outcome, report.message = signal
        return
    message, text = describe(exc)
    report.message, report.longrepr = message, text
    report.outcome = "error" if report.when == "setup" else "failed"
    if report.outcome == "error":
        report.message = f'failed on setup with "{message}"'
    if xfail_mark is not None and signal is None:
        raises = xfail_mark.kwargs.get("raises")
        if raises is None or isinstance(exc, raises):
            report.outcome, report.message = "xfailed", str(xfail_mark.kwargs.get("reason", ""))


def run_tests(
    paths: list[Path],
    *,
    keyword: str | None = None,
    exitfirst: bool = False,
    on_report: Callable[[Report], None] | None = None,
) -> SessionResult:
    """Collect the tests under ``paths``, select them with ``keyword`` and run them.

    With collection errors nothing runs (exit code 2), as in pytest. ``on_report`` is
    called after every test (the CLI prints a progress character).
    """
    start = time.perf_counter()
    matcher = compile_keyword(keyword) if keyword else None
    folders = [p.resolve() if p.is_dir() else p.resolve().parent for p in paths]
    root = Path(os.path.commonpath(folders))  # node ids are relative to the deepest common folder
    saved_path = list(sys.path)
    try:
        collection: Collection = collect(paths, root)
        selected = [i for i in collection.items if matcher is None or matcher(i.keywords)]
        result = SessionResult(
            collection.root,
            [],
            collection.errors,
            len(collection.items),
            len(collection.items) - len(selected),
            0.0,
        )
        if not collection.errors:
            _run_selected(
                selected, FixtureManager(collection.conftests), result, exitfirst, on_report
            )
    finally:
        sys.path[:] = saved_path
        forget_modules()
    result.duration = time.perf_counter() - start
    return result


def _run_selected(
    selected: list[Item],
    fixtures: FixtureManager,
    result: SessionResult,
    exitfirst: bool,
    on_report: Callable[[Report], None] | None,
) -> None:
    try:
        for index, item in enumerate(selected):
            following = selected[index + 1] if index + 1 < len(selected) else None
            if exitfirst and any(r.outcome in ("failed", "error") for r in result.reports):
                result.stopped_early = True
                break
            report = run_item(item, fixtures, following)
            result.reports.append(report)
            if on_report is not None:
                on_report(report)
    finally:
        fixtures.close()

"""What the CLI prints: a progress character per test, the failures, a summary line.

The characters are pytest's: ``.`` passed, ``F`` failed, ``E`` error, ``s`` skipped,
``x`` xfailed, ``X`` xpassed. The last line counts each outcome, e.g.
``2 failed, 26 passed, 1 skipped in 0.41s``.
"""

from __future__ import annotations

from typing import Any, TextIO

from level4.pipetest.runner import Report, SessionResult

__all__ = ["CHARS", "format_result", "summary_line", "to_json"]

CHARS = {"passed": ".", "failed": "F", "error": "E", "skipped": "s", "xfailed": "x", "xpassed": "X"}
ORDER = ("failed", "passed", "skipped", "xfailed", "xpassed", "error")
SHORT = {
    "failed": "FAILED",
    "error": "ERROR",
    "xfailed": "XFAIL",
    "xpassed": "XPASS",
    "skipped": "SKIPPED",
}


class Progress:
    """Prints ``path .F.s`` lines as reports arrive, one line per file."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.current = ""

    def __call__(self, report: Report) -> None:
        path = report.nodeid.split("::")[0]
        if path != self.current:
            self.stream.write(("\n" if self.current else "") + f"{path} ")
            self.current = path
        self.stream.write(CHARS[report.outcome])
        self.stream.flush()

    def end(self) -> None:
        if self.current:
            self.stream.write("\n")


def summary_line(result: SessionResult) -> str:
    """``3 failed, 26 passed, 2 errors in 0.41s`` (or ``no tests ran``)."""
    counts = result.counts()
    parts = [f"{counts[o]} {o}" for o in ORDER if counts[o] and o != "error"]
    errors = counts["error"] + len(result.collect_errors)
    if errors:
        parts.append(f"{errors} error{'s' if errors != 1 else ''}")
    if result.deselected:
        parts.append(f"{result.deselected} deselected")
    return f"{', '.join(parts) or 'no tests ran'} in {result.duration:.2f}s"


def format_result(result: SessionResult) -> str:
    """Collection errors, then each failure's full text, then the short summary."""
    lines: list[str] = []
    for error in result.collect_errors:
        lines += ["", f"__ ERROR collecting {error.nodeid} __", error.text]
    for report in result.reports:
        if report.outcome in ("failed", "error"):
            lines += ["", f"__ {report.nodeid} ({report.when}) __", report.longrepr]
            if report.stdout:
                lines += ["-- captured output --", report.stdout.rstrip()]
    summary = [
        f"{SHORT[r.outcome]} {r.nodeid}" + (f" - {r.message}" if r.message else "")
        for r in result.reports
        if r.outcome in SHORT
    ]
    summary += [f"ERROR {e.nodeid} - collection failure" for e in result.collect_errors]
    if summary:
        lines += ["", "short test summary:", *summary]
    if result.collect_errors:
        count = len(result.collect_errors)
        lines.append(f"Interrupted: {count} error{'s' if count != 1 else ''} during collection")
    if result.stopped_early:
        lines.append("Stopped after the first failure (-x)")
    lines += ["", summary_line(result)]
    return "\n".join(lines)


def to_json(result: SessionResult) -> dict[str, Any]:
    """The run as JSON: exit code, counts and every test's outcome and message."""
    return {
        "exit_code": result.exit_code,
        "counts": result.counts(),
        "collected": result.collected,
        "deselected": result.deselected,
        "collect_errors": [e.nodeid for e in result.collect_errors],
        "tests": [
            {
                "nodeid": r.nodeid,
                "outcome": r.outcome,
                "when": r.when,
                "message": r.message,
                "duration": round(r.duration, 6),
                "properties": dict(r.properties),
            }
            for r in result.reports
        ],
        "duration": round(result.duration, 3),
    }

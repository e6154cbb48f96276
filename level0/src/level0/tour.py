"""The tour: run every mini-project of a level end to end and summarise what happened.

Each mini-project that takes part has a module ``<project>/tour.py`` with a function
``run(out: Path) -> TourResult``. It runs the project on its embedded default data
(bundled with a package, synthetic from ``level0.datagen``, or real when already
cached) and writes its outputs under ``out``. ``python -m levelN tour`` finds those
modules, runs them in order, prints a table and saves it as ``tour.json``.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import pkgutil
import sys
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

__all__ = ["DataKind", "TourResult", "find_projects", "format_table", "level_main", "run_level"]

DataKind = Literal["real", "bundled", "synthetic", "local server"]


@dataclass
class TourResult:
    """What one mini-project reports back to the tour."""

    data: DataKind
    key_result: str
    files: list[Path] = field(default_factory=list)


@dataclass
class TourRow:
    """One line of the tour table."""

    project: str
    data: str
    key_result: str
    files: int
    seconds: float
    ok: bool


def find_projects(level: str) -> list[str]:
    """The mini-projects of ``level`` that have a ``tour.py``, alphabetically, without importing them."""
    package = importlib.import_module(level)
    return sorted(
        info.name
        for info in pkgutil.iter_modules(package.__path__)
        if info.ispkg
        and (Path(getattr(info.module_finder, "path", "")) / info.name / "tour.py").is_file()
    )


def run_level(level: str, out: Path, only: list[str] | None = None) -> list[TourRow]:
    """Run the tour step of every project of ``level`` (or just ``only``), each in its own folder.

    A project without a ``tour`` module is skipped; one that fails to import or run
    becomes a FAILED row and the others still run.
    """
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for project in find_projects(level):
        name = f"{level}.{project}"
        if only and project not in only:
            continue
        target = out / project
        target.mkdir(parents=True, exist_ok=True)
        print(f"-- {name}", flush=True)
        start = time.perf_counter()
        try:
            result: TourResult = importlib.import_module(f"{name}.tour").run(target)
        except Exception as exc:  # one broken step must not hide the others
            traceback.print_exc()
            row = TourRow(name, "-", f"FAILED: {exc}", 0, time.perf_counter() - start, ok=False)
        else:
            seconds = time.perf_counter() - start
            row = TourRow(name, result.data, result.key_result, len(result.files), seconds, ok=True)
        rows.append(row)
    (out / "tour.json").write_text(json.dumps([asdict(r) for r in rows], indent=2) + "\n")
    return rows


def read_rows(root: Path) -> list[TourRow]:
    """The rows of every ``tour.json`` under ``root`` (one per level), in level order."""
    rows = []
    for summary in sorted(root.glob("*/tour.json")):
        rows += [TourRow(**row) for row in json.loads(summary.read_text())]
    return rows


def format_table(rows: list[TourRow]) -> str:
    """A plain-text table: project, data used, key result, files written, seconds."""
    header = ("project", "data", "key result", "files", "seconds")
    body = [(r.project, r.data, r.key_result, str(r.files), f"{r.seconds:.1f}") for r in rows]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True))
        for line in [header, *body]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def main_tour(level: str, argv: list[str]) -> int:
    """``python -m levelN tour [--out DIR] [PROJECT ...]``: run and print the table."""
    import argparse

    parser = argparse.ArgumentParser(prog=f"python -m {level} tour")
    parser.add_argument("projects", nargs="*", help="run only these projects (default: all)")
    parser.add_argument("--out", type=Path, default=Path("tour-output") / level)
    args = parser.parse_args(argv)
    rows = run_level(level, args.out, args.projects or None)
    print()
    print(format_table(rows))
    print(f"\noutputs: {args.out}")
    if not rows and not args.projects:
        print(f"error: no tour steps found in {level}", file=sys.stderr)
        return 1
    return 0 if all(r.ok for r in rows) else 1


def list_projects(level: str) -> list[tuple[str, str]]:
    """(module name, one-line summary) for every mini-project of ``level``."""
    package = importlib.import_module(level)
    projects = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.ispkg:
            module = importlib.import_module(f"{level}.{info.name}")
            summary = (module.__doc__ or "").strip().splitlines()[0] if module.__doc__ else ""
            projects.append((module.__name__, summary))
    return projects


def level_main(level: str, argv: list[str] | None = None) -> int:
    """``python -m levelN``: list the level's mini-projects; ``tour`` runs them all."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "tour":
        return main_tour(level, argv[1:])
    if argv and argv[0] not in {"-h", "--help", "list"}:
        print(f"error: unknown command {argv[0]!r}; use 'list' or 'tour'", file=sys.stderr)
        return 2
    package = importlib.import_module(level)
    print((package.__doc__ or level).strip().splitlines()[0])
    print()
    for name, summary in list_projects(level):
        print(f"  python -m {name:<32} {summary}")
    print(f"\n  python -m {level} tour                   run every mini-project end to end")
    return 0


if __name__ == "__main__":  # python -m level0.tour DIR: one table for every level toured into DIR
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "tour-output")
    all_rows = read_rows(root)
    print(format_table(all_rows))
    print(f"\n{sum(r.ok for r in all_rows)}/{len(all_rows)} projects ran; outputs: {root}")

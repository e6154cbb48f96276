"""The tour: run every mini-project of a level end to end and summarise what happened.

Each mini-project that takes part has a module ``<project>/tour.py`` with a function
``run(out: Path) -> TourResult``. It runs the project on its embedded default data
(bundled with a package, synthetic from ``level0.datagen``, or real when already
cached) and writes its outputs under ``out``. ``python -m levelN tour`` finds those
modules, runs them in order, prints a table and saves it as ``tour.json``.

A run of some projects only (``python -m level0 tour datagen``) replaces those rows of
``tour.json`` and keeps the others; every row records the run that produced it, so the
combined table (``python -m level0.tour DIR``) can tell this run from earlier ones.

    python -m level0.tour tour-output                    one table for every level toured there
    python -m level0.tour check -- datagen level1.spam   exit 2 if a name is no project anywhere
"""

from __future__ import annotations

import ast
import difflib
import importlib
import importlib.util
import json
import os
import pkgutil
import shlex
import sys
import textwrap
import time
import traceback
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from pathlib import Path
from typing import Literal

__all__ = [
    "DataKind",
    "TourResult",
    "TourRow",
    "find_projects",
    "format_table",
    "known_levels",
    "level_main",
    "missing_datasets",
    "read_rows",
    "resolve_names",
    "run_level",
]

DataKind = Literal["real", "bundled", "synthetic", "local server"]
FETCH_ALL = "python -m level0.datasets fetch --all"


@dataclass
class TourResult:
    """What one mini-project reports back to the tour."""

    data: DataKind
    key_result: str
    files: list[Path] = field(default_factory=list)


@dataclass
class TourRow:
    """One line of the tour table; ``run`` identifies the tour run that produced it."""

    project: str
    data: str
    key_result: str
    files: int
    seconds: float
    ok: bool
    run: str = ""  # the run's start time, ISO 8601; "" in files written before runs were recorded


def new_run_id() -> str:
    """An id for one tour run: its local start time, to the second (sorts in time order)."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


# --- finding projects, without importing them -----------------------------------------


def _package_dirs(level: str) -> list[Path]:
    """The folders of package ``level``, found without importing it."""
    spec = importlib.util.find_spec(level)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"no level package named {level!r} is installed")
    return [Path(p) for p in spec.submodule_search_locations]


def _subpackages(level: str) -> list[tuple[str, Path]]:
    """(name, folder) of every subpackage of ``level``, alphabetically."""
    found = {
        info.name: Path(folder) / info.name
        for folder in _package_dirs(level)
        for info in pkgutil.iter_modules([str(folder)])
        if info.ispkg
    }
    return sorted(found.items())


def find_projects(level: str) -> list[str]:
    """The mini-projects of ``level`` that have a ``tour.py``, alphabetically, without importing them."""
    return [name for name, folder in _subpackages(level) if (folder / "tour.py").is_file()]


def known_levels() -> list[str]:
    """The installed level packages (``level0`` … ``level9``), found by name, never imported."""
    return [f"level{n}" for n in range(10) if importlib.util.find_spec(f"level{n}") is not None]


def resolve_names(names: Sequence[str], levels: Sequence[str]) -> tuple[list[str], list[str]]:
    """Match project names (``datagen`` or ``level0.datagen``) against every level's tour steps.

    Returns (the qualified names matched, the names that match no project in any level).
    """
    everything = [f"{level}.{project}" for level in levels for project in find_projects(level)]
    matched: list[str] = []
    unknown: list[str] = []
    for name in names:
        hits = [q for q in everything if name in (q, q.partition(".")[2])]
        matched += [q for q in hits if q not in matched]
        if not hits:
            unknown.append(name)
    return matched, unknown


def unknown_message(unknown: Sequence[str], levels: Sequence[str]) -> str:
    """One line naming the unknown projects, with the closest known names or the whole list."""
    everything = [f"{level}.{project}" for level in levels for project in find_projects(level)]
    short = sorted({q.partition(".")[2] for q in everything})
    hints, lost = [], False
    for name in unknown:
        pool = everything if "." in name else short
        close = difflib.get_close_matches(name, pool, n=2, cutoff=0.6)
        if close:
            hints.append(f"{name!r}: did you mean {' or '.join(repr(c) for c in close)}?")
        lost = lost or not close
    if lost:  # a name with no close match: list every project
        hints.append("known: " + ", ".join(short))
    where = f"{levels[0]}..{levels[-1]}" if len(levels) > 1 else "".join(levels)
    listed = "; ".join(hints)
    plural = "s" if len(unknown) > 1 else ""
    names = ", ".join(repr(n) for n in unknown)
    return f"unknown tour step{plural} {names} (in {where or 'no level'}); {listed}"


# --- running and recording ------------------------------------------------------------


def run_level(
    level: str, out: Path, only: list[str] | None = None, run: str | None = None
) -> list[TourRow]:
    """Run the tour step of every project of ``level`` (or just ``only``), each in its own folder.

    Returns the rows of this run. ``out/tour.json`` is written atomically: a full run
    replaces it, a run of ``only`` some projects replaces just their rows and keeps the
    others. A project that fails to import or run becomes a FAILED row and the others
    still run.
    """
    from level0.atomic import atomic_write_text

    run = run or new_run_id()
    projects = find_projects(level)
    chosen = [p for p in projects if not only or p in only or f"{level}.{p}" in only]
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for project in chosen:
        name = f"{level}.{project}"
        target = out / project
        target.mkdir(parents=True, exist_ok=True)
        print(f"-- {name}", flush=True)
        start = time.perf_counter()
        try:
            result: TourResult = importlib.import_module(f"{name}.tour").run(target)
        except Exception as exc:  # one broken step must not hide the others
            traceback.print_exc()
            seconds = time.perf_counter() - start
            row = TourRow(name, "-", f"FAILED: {exc}", 0, seconds, ok=False, run=run)
        else:
            seconds = time.perf_counter() - start
            files = len(result.files)
            row = TourRow(name, result.data, result.key_result, files, seconds, ok=True, run=run)
        rows.append(row)
    if not chosen:
        return rows
    summary = out / "tour.json"
    fresh = {row.project for row in rows}
    still_there = {f"{level}.{p}" for p in projects}
    kept = [] if not only else [r for r in _read_file(summary) if r.project not in fresh]
    merged = sorted(rows + [r for r in kept if r.project in still_there], key=lambda r: r.project)
    atomic_write_text(summary, json.dumps([asdict(r) for r in merged], indent=2) + "\n")
    return rows


def _read_file(summary: Path) -> list[TourRow]:
    """The rows of one ``tour.json``; none when it is absent or unreadable (it is only a report)."""
    try:
        raw = json.loads(summary.read_text(encoding="utf-8"))
        names = {f.name for f in fields(TourRow)}
        return [TourRow(**{k: v for k, v in row.items() if k in names}) for row in raw]
    except FileNotFoundError:
        return []
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        print(f"warning: ignoring unreadable {summary}: {exc}", file=sys.stderr)
        return []


def read_rows(root: Path) -> list[TourRow]:
    """The rows of every ``tour.json`` under ``root`` (one per level), in level order."""
    rows = []
    for summary in sorted(root.glob("*/tour.json")):
        rows += _read_file(summary)
    return rows


def latest_run(rows: Iterable[TourRow]) -> str:
    """The id of the most recent run among ``rows`` ("" when none recorded one)."""
    runs = [r.run for r in rows if r.run]
    return max(runs, key=datetime.fromisoformat, default="")


def format_table(rows: list[TourRow], run: str | None = None) -> str:
    """A plain-text table: project, data used, key result, files written, seconds.

    With ``run``, a last column says which rows ran now and when the others did.
    """
    header: tuple[str, ...] = ("project", "data", "key result", "files", "seconds")
    body: list[tuple[str, ...]] = [
        (r.project, r.data, r.key_result, str(r.files), f"{r.seconds:.1f}") for r in rows
    ]
    if run is not None:
        header += ("ran",)
        body = [(*line, _when(r.run, run)) for line, r in zip(body, rows, strict=True)]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True))
        for line in [header, *body]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def _when(row_run: str, run: str) -> str:
    if row_run == run:
        return "now"
    if not row_run:
        return "earlier"
    return datetime.fromisoformat(row_run).strftime("%Y-%m-%d %H:%M")


def summary_line(rows: list[TourRow], run: str, root: Path) -> str:
    """How many projects ran now and how they did, plus how many earlier results were kept."""
    now = [r for r in rows if r.run == run]
    earlier = len(rows) - len(now)
    failed = sum(not r.ok for r in now)
    ran = f"{len(now)} project{'s' if len(now) != 1 else ''} ran now"
    ran += f", {failed} FAILED" if failed else (", all ok" if now else "")
    kept = (
        f"; {earlier} earlier result{'s' if earlier != 1 else ''} kept (dated)" if earlier else ""
    )
    return f"{ran}{kept}; outputs: {root}"


# --- the real-data hint ---------------------------------------------------------------


def missing_datasets() -> list[tuple[str, int]]:
    """(name, size in bytes) of every registry dataset not in the data folder (existence only)."""
    from level0.datasets import REGISTRY, data_home, get

    get("titanic")  # loads the catalogue
    home = data_home()
    return [
        (name, dataset.size)
        for name, dataset in sorted(REGISTRY.items())
        if not all((home / item.path).exists() for item in dataset.items)
    ]


def real_data_hint(rows: list[TourRow]) -> str | None:
    """When steps ran on synthetic data and datasets are missing: the one command that fetches them.

    The tour cannot see why a step chose synthetic data, so any synthetic row plus any
    dataset missing from the data folder is reason enough to say how to get the real one.
    """
    if not any(r.data == "synthetic" for r in rows):
        return None
    missing = missing_datasets()
    if not missing:
        return None
    from level0.datasets import data_home

    size = sum(s for _, s in missing) / 1e6
    names = ", ".join(name for name, _ in missing)
    command = FETCH_ALL
    if os.environ.get("MLROADMAP_DATA"):  # fetch into the same folder the tour reads
        command = f"MLROADMAP_DATA={shlex.quote(os.environ['MLROADMAP_DATA'])} {command}"
    text = (
        f"note: {len(missing)} real datasets are not cached in {data_home()} ({names}); the "
        f"tour steps that need one ran on synthetic data instead, and their numbers say "
        f"nothing about the real task. Get them all ({size:.1f} MB once unpacked) "
        f"with:"
    )
    return f"{textwrap.fill(text, 88)}\n\n    {command}\n\nthen run the tour again."


# --- command lines --------------------------------------------------------------------


def main_tour(level: str, argv: list[str]) -> int:
    """``python -m levelN tour [--out DIR] [PROJECT ...]``: run and print the table."""
    import argparse

    parser = argparse.ArgumentParser(
        prog=f"python -m {level} tour",
        description=f"Run every mini-project of {level} end to end (or only the ones named).",
        epilog=f"example:\n  python -m {level} tour --out /tmp/tour {_first(level)}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "projects",
        nargs="*",
        metavar="PROJECT",
        help="run only these (name or level.name); a subset keeps the other rows of tour.json",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("tour-output") / level,
        metavar="DIR",
        help=f"where the outputs and tour.json go (default: tour-output/{level})",
    )
    parser.add_argument("--run-id", help=argparse.SUPPRESS)  # shared by the levels of one nox run
    args = parser.parse_args(argv)
    only: list[str] | None = None
    if args.projects:
        levels = sorted({level, *known_levels()}, key=lambda name: (len(name), name))
        matched, unknown = resolve_names(args.projects, levels)
        if unknown:
            print(f"error: {unknown_message(unknown, levels)}", file=sys.stderr)
            return 2
        only = [q for q in matched if q.startswith(f"{level}.")]
        if not only:
            print(f"{level}: none of the named projects is in this level; nothing ran")
            return 0
    run = args.run_id or new_run_id()
    rows = run_level(level, args.out, only, run)
    if not rows:
        print(f"error: no tour steps found in {level}", file=sys.stderr)
        return 1
    print()
    print(format_table(rows))
    kept = len(_read_file(args.out / "tour.json")) - len(rows)
    note = f" ({kept} earlier result{'s' if kept != 1 else ''} kept in tour.json)" if kept else ""
    print(f"\noutputs: {args.out}{note}")
    # with a run id this level is part of a larger run whose combined table gives the hint
    hint = None if args.run_id else real_data_hint(rows)
    if hint:
        print(f"\n{hint}")
    return 0 if all(r.ok for r in rows) else 1


def _first(level: str) -> str:
    projects = find_projects(level)
    return projects[0] if projects else ""


def docstring_summary(init: Path) -> str:
    """The first line of the module docstring in ``init``, read with ``ast`` (nothing imported)."""
    try:
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"), str(init)))
    except (OSError, SyntaxError, ValueError):
        return ""
    return doc.strip().splitlines()[0] if doc and doc.strip() else ""


def list_projects(level: str) -> list[tuple[str, str]]:
    """(module name, one-line summary) for every mini-project of ``level``, without importing them."""
    return [
        (f"{level}.{name}", docstring_summary(folder / "__init__.py"))
        for name, folder in _subpackages(level)
    ]


def level_usage(level: str) -> str:
    """What ``python -m levelN --help`` prints: usage, the mini-projects and the commands."""
    title = ""
    for folder in _package_dirs(level):
        title = title or docstring_summary(folder / "__init__.py")
    lines = [
        f"usage: python -m {level} [list | tour [--out DIR] [PROJECT ...]]",
        "",
        title or level,
        "",
        "mini-projects (each has its own --help):",
    ]
    lines += [f"  python -m {name:<32} {summary}" for name, summary in list_projects(level)]
    lines += [
        "",
        "commands:",
        "  list                             this list (the default)",
        "  tour [--out DIR] [PROJECT ...]   run every mini-project (or the ones named) end to end;",
        f"                                   outputs in tour-output/{level}, see: python -m {level} tour --help",
    ]
    return "\n".join(lines)


def level_main(level: str, argv: list[str] | None = None) -> int:
    """``python -m levelN``: list the level's mini-projects; ``tour`` runs them all."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "tour":
        return main_tour(level, argv[1:])
    if argv[1:] or (argv and argv[0] not in {"-h", "--help", "list"}):
        print(
            f"error: unknown command {' '.join(argv)!r}; use 'list' or 'tour' "
            f"(see: python -m {level} --help)",
            file=sys.stderr,
        )
        return 2
    print(level_usage(level))
    return 0


def main_check(argv: list[str]) -> int:
    """``python -m level0.tour check [--levels L ...] -- NAME ...``: exit 2 on an unknown name."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m level0.tour check",
        description="Check that every name is a tour step of some level; run nothing.",
        epilog="example:\n  python -m level0.tour check --levels level0 level1 -- datagen spam",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("names", nargs="*", metavar="NAME")
    parser.add_argument(
        "--levels", nargs="+", metavar="LEVEL", help="default: every installed level"
    )
    args = parser.parse_args(argv)
    levels = args.levels or known_levels()
    try:
        matched, unknown = resolve_names(args.names, levels)
    except ModuleNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if unknown:
        print(f"error: {unknown_message(unknown, levels)}", file=sys.stderr)
        return 2
    if matched:
        print("tour steps: " + ", ".join(matched))
    return 0


def main_summary(argv: list[str]) -> int:
    """``python -m level0.tour [DIR] [--run ID]``: one table for every level toured into DIR."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m level0.tour",
        description="One table for every level toured into DIR (python -m levelN tour --out DIR/levelN).",
        epilog="check names first: python -m level0.tour check -- NAME ...",
    )
    parser.add_argument("root", nargs="?", type=Path, default=Path("tour-output"), metavar="DIR")
    parser.add_argument(
        "--run", metavar="ID", help="the id of this run (default: the most recent run found)"
    )
    args = parser.parse_args(argv)
    rows = read_rows(args.root)
    if not rows:
        print(
            f"error: no tour.json under {args.root}; run python -m levelN tour first",
            file=sys.stderr,
        )
        return 1
    run = args.run or latest_run(rows)
    print(format_table(rows, run))
    print(f"\n{summary_line(rows, run, args.root)}")
    hint = real_data_hint([r for r in rows if r.run == run])
    if hint:
        print(f"\n{hint}")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["check"]:
        return main_check(argv[1:])
    return main_summary(argv)


if __name__ == "__main__":
    sys.exit(main())

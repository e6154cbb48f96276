"""Sessions for the ml-roadmap workspace: one test environment per level, plus lint, typecheck and tour.

Each level session builds its own virtualenv and installs exactly that level and
what it declares (its dependencies and its ``test`` group), pinned by ``uv.lock``.
A level that forgets to declare a dependency therefore fails here instead of being
rescued by a shared environment.

    nox                      every level, lint and typecheck
    nox -s level0 -- -k datagen -x
    nox -s tour              run every mini-project end to end
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import nox
from nox.command import CommandFailed

ROOT = Path(__file__).parent
LEVELS = sorted(
    (p.name for p in ROOT.iterdir() if re.fullmatch(r"level\d", p.name) and p.is_dir()),
    key=lambda name: int(name.removeprefix("level")),
)

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.download_python = "never"
nox.options.error_on_missing_interpreters = True
nox.options.sessions = [*LEVELS, "lint", "typecheck"]

# uv precompiles nothing and this machine sets PYTHONDONTWRITEBYTECODE=1, so without
# this every run would recompile numpy and pandas.
KEEP_BYTECODE = {"PYTHONDONTWRITEBYTECODE": None}


def sync(session: nox.Session, *args: str) -> None:
    """Install from uv.lock into this session's own virtualenv, never changing the lock."""
    session.run_install(
        "uv",
        "sync",
        "--locked",
        "--no-default-groups",
        *args,
        env={"UV_PROJECT_ENVIRONMENT": session.virtualenv.location, **KEEP_BYTECODE},
        external=True,
    )


def make_level_session(level: str) -> None:
    def run_level(session: nox.Session) -> None:
        sync(session, "--package", f"mlroadmap-{level}", "--group", "test")
        session.chdir(ROOT / level)
        session.run("pytest", *session.posargs, env=KEEP_BYTECODE)

    run_level.__doc__ = f"Run {level}'s tests in an environment holding only {level}."
    nox.session(name=level, python=None)(run_level)


for _level in LEVELS:
    make_level_session(_level)


@nox.session(python=None)
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check over the whole workspace."""
    sync(session, "--only-group", "dev")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=None)
def typecheck(session: nox.Session) -> None:
    """mypy (strict) over every level's source."""
    sync(session, "--all-packages", "--all-groups")  # the test groups bring pytest's type hints
    session.run("mypy", *(f"{level}/src" for level in LEVELS), env=KEEP_BYTECODE)


@nox.session(python=None)
def tour(session: nox.Session) -> None:
    """Run every mini-project of every level end to end; outputs go to tour-output/.

    ``nox -s tour -- datagen weather`` runs only those projects (``level0.datagen`` works
    too): their rows in tour-output/ are replaced, earlier results of the others are kept
    and the combined table tells them apart. A name that is no project fails before
    anything runs.
    """
    sync(session, "--all-packages")
    out = ROOT / "tour-output"
    if session.posargs:  # the same names go to every level, so check them across all levels
        session.run(
            "python",
            "-m",
            "level0.tour",
            "check",
            "--levels",
            *LEVELS,
            "--",
            *session.posargs,
            env=KEEP_BYTECODE,
        )
    run_id = datetime.now().astimezone().isoformat(timespec="seconds")  # one id for all levels
    failed = []
    for level in LEVELS:  # every level runs even when an earlier one fails
        try:
            session.run(
                "python",
                "-m",
                level,
                "tour",
                "--out",
                str(out / level),
                "--run-id",
                run_id,
                *session.posargs,
                env=KEEP_BYTECODE,
            )
        except CommandFailed:
            failed.append(level)
    # the combined table: this run's rows and any earlier ones, told apart
    session.run("python", "-m", "level0.tour", str(out), "--run", run_id, env=KEEP_BYTECODE)
    if failed:
        session.error(f"tour steps failed in {', '.join(failed)} (see above)")

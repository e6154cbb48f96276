"""The ml-roadmap pytest plugin, loaded by every level's tests (entry point ``pytest11``).

It gives each test suite the same ground rules and fixtures:

* tests never leave loopback: a connection to any other address fails with a
  message that says why (see :func:`guard_network`);
* ``serve_dir``: serve a folder of files from a local HTTP server (pytest-httpserver);
* ``realdata``: a verified registry dataset, or a skip that names the fetch command;
* ``x_display``: an X display for GUI tests, a private Xvfb when ``$DISPLAY`` is unset;
* ``solution``: the implementation under test, the reference one unless
  ``--solutions DIR`` holds the learner's own (``DIR/level0/datagen.py`` or a package
  ``DIR/level0/datagen/``), so a learner can run the same tests on their code.
"""

from __future__ import annotations

import importlib
import importlib.util
import ipaddress
import os
import select
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, NoReturn

import pytest

__all__ = ["NetworkBlocked", "guard_network", "load_solution", "skip_or_fail_in_ci"]

WHY_LOOPBACK = (
    "ml-roadmap tests never leave this machine, so they pass offline and never touch a "
    "real service; serve what the test needs from a local server (the serve_dir or "
    "httpserver fixture) or use a cached dataset (the realdata fixture)"
)


class NetworkBlocked(OSError):
    """Raised when a test tries to reach a host other than loopback."""


def skip_or_fail_in_ci(reason: str) -> NoReturn:
    """Skip a test whose environment is missing (no display, say), but fail it under CI=true.

    CI installs what such tests need, so a skip there would hide a broken setup.
    """
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI installs what this test needs, so it must not skip)")
    pytest.skip(reason)


# --- network guard ----------------------------------------------------------------


def _is_loopback(host: object) -> bool:
    if not isinstance(host, str):
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def guard_network() -> Callable[[], None]:
    """Refuse every socket connection and name lookup that is not loopback (or AF_UNIX).

    Returns a function that undoes the guard. Processes a test starts are not guarded;
    they get their URLs from the test, which points them at a local server.
    """
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def check(sock: socket.socket, address: Any) -> None:
        if sock.family == getattr(socket, "AF_UNIX", None):
            return
        host = address[0] if isinstance(address, tuple) else address
        if not _is_loopback(host):
            raise NetworkBlocked(f"blocked a connection to {address!r}: {WHY_LOOPBACK}")

    def connect(self: socket.socket, address: Any) -> None:
        check(self, address)
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        check(self, address)
        return real_connect_ex(self, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host is not None and not _is_loopback(
            host.decode() if isinstance(host, bytes) else host
        ):
            raise NetworkBlocked(f"blocked a lookup of {host!r}: {WHY_LOOPBACK}")
        return real_getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = connect  # type: ignore[method-assign,assignment]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign,assignment]
    socket.getaddrinfo = getaddrinfo

    def undo() -> None:
        socket.socket.connect = real_connect  # type: ignore[method-assign]
        socket.socket.connect_ex = real_connect_ex  # type: ignore[method-assign]
        socket.getaddrinfo = real_getaddrinfo

    return undo


# --- solutions ----------------------------------------------------------------------


def load_solution(name: str, solutions_dir: Path | None) -> ModuleType:
    """The module ``name`` ("levelN.project") from ``solutions_dir`` if it is there, else the reference."""
    if solutions_dir is not None:
        relative = Path(*name.split("."))
        for candidate, is_package in (
            (solutions_dir / relative / "__init__.py", True),
            (solutions_dir / relative.with_suffix(".py"), False),
        ):
            if candidate.is_file():
                return _import_file(name, candidate, is_package)
    return importlib.import_module(name)


def _import_file(name: str, path: Path, is_package: bool) -> ModuleType:
    """Import a learner's file under a private flat name, so it never shadows the reference."""
    private = "_solution_" + name.replace(".", "_")
    if private in sys.modules:
        return sys.modules[private]
    spec = importlib.util.spec_from_file_location(
        private, path, submodule_search_locations=[str(path.parent)] if is_package else None
    )
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import the solution at {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[private] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[private]
        raise
    return module


# --- pytest hooks and fixtures -----------------------------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("ml-roadmap")
    group.addoption(
        "--solutions",
        metavar="DIR",
        type=Path,
        default=None,
        help="test your own solutions: DIR/levelN/project.py (or a package) replaces the reference",
    )


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("MPLBACKEND", "Agg")  # plots render to files, never to a window
    # One BLAS/OpenMP thread (set before numpy loads; inherited by CLI subprocesses).
    # Test data is small, so threads buy nothing, and on a busy 2-core machine they spin
    # waiting for each other: one KMeans fit was measured at 113 s against 0.1 s.
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    config._mlroadmap_unguard = guard_network()  # type: ignore[attr-defined]
    from hypothesis import settings

    # Tests assert behaviour, never timings: no per-example deadline on a busy 2-core box.
    settings.register_profile("mlroadmap", deadline=None, print_blob=True)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "mlroadmap"))


def pytest_unconfigure(config: pytest.Config) -> None:
    undo = getattr(config, "_mlroadmap_unguard", None)
    if undo is not None:
        undo()


def pytest_report_header(config: pytest.Config) -> str:
    solutions = config.getoption("solutions")
    data = os.environ.get("MLROADMAP_DATA", "(platform cache)")
    where = (
        f"solutions from {solutions} (reference where missing)"
        if solutions
        else "reference solutions"
    )
    return f"ml-roadmap: {where}; datasets in {data}; network: loopback only"


@pytest.fixture(scope="session")
def solution(pytestconfig: pytest.Config) -> Callable[[str], ModuleType]:
    """``solution("level0.datagen")``: the module under test (the learner's, with --solutions)."""
    solutions_dir = pytestconfig.getoption("solutions")
    if solutions_dir is not None and not solutions_dir.is_dir():
        raise pytest.UsageError(f"--solutions {solutions_dir}: no such directory")

    def get(name: str) -> ModuleType:
        return load_solution(name, solutions_dir)

    return get


@pytest.fixture(scope="session")
def realdata() -> Callable[[str], Path]:
    """``realdata("titanic")``: the dataset's verified folder, or skip with the fetch command."""
    from level0 import datasets

    verified: dict[str, Path] = {}

    def get(name: str) -> Path:
        if name not in verified:
            try:
                verified[name] = datasets.locate(name)
            except datasets.DatasetMissing as exc:
                pytest.skip(str(exc))
        return verified[name]

    return get


@pytest.fixture
def serve_dir(httpserver: Any) -> Callable[[Path], str]:
    """``serve_dir(folder)`` serves every file below ``folder`` on 127.0.0.1; returns the base URL."""

    def serve(folder: Path) -> str:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            route = "/" + path.relative_to(folder).as_posix()
            httpserver.expect_request(route).respond_with_data(path.read_bytes())
        return str(httpserver.url_for("/")).rstrip("/")

    return serve


@pytest.fixture(scope="session")
def x_display() -> Iterator[str]:
    """The X display to use; skips (with the reason) when there is none to be had."""
    if os.environ.get("DISPLAY"):
        yield os.environ["DISPLAY"]
        return
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        skip_or_fail_in_ci(
            "no display: $DISPLAY is not set and Xvfb is not installed (apt-get install xvfb)"
        )
    # -displayfd: Xvfb picks a free display number itself and writes it to the pipe once it is ready.
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 15)
        number = os.read(read_end, 16).decode().strip() if ready else ""
        if not number:
            skip_or_fail_in_ci("no display: Xvfb did not start within 15 s")
        os.environ["DISPLAY"] = f":{number}"
        yield os.environ["DISPLAY"]
    finally:
        os.close(read_end)
        os.environ.pop("DISPLAY", None)
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

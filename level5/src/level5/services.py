"""Start and stop the real servers level 5 runs: Redis, gunicorn, a queue worker, Streamlit.

Tests, the tour and the benchmarks all start servers the way a user would (the
real program, on a free loopback port) and stop them by the PID they started, so
nothing else on the machine is touched. Each server's output goes to a log file;
when one fails to come up, the error quotes the end of that log.

>>> with start_redis(tmp_path) as redis:                                # doctest: +SKIP
...     print(redis.url)
redis://127.0.0.1:40123/0
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

__all__ = [
    "Service",
    "ServiceError",
    "check_port",
    "free_port",
    "http_ready",
    "port_open",
    "python_module",
    "start",
    "start_redis",
]

HOST = "127.0.0.1"


class ServiceError(RuntimeError):
    """A server that is not installed, or did not come up in time."""


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def check_port(host: str, port: int) -> None:
    """Fail with one line now rather than let a server retry a busy port for a while."""
    from level0.cli import Failure

    try:
        with socket.create_server((host, port)):
            pass
    except OSError as exc:
        raise Failure(
            f"cannot listen on {host}:{port} ({exc.strerror}); pick another --port"
        ) from None


def port_open(port: int) -> Callable[[], bool]:
    """Ready check: something accepts connections on ``port``."""

    def check() -> bool:
        with socket.socket() as sock:
            sock.settimeout(0.5)
            return sock.connect_ex((HOST, port)) == 0

    return check


def http_ready(url: str) -> Callable[[], bool]:
    """Ready check: ``url`` answers 200."""
    import urllib.error
    import urllib.request

    def check() -> bool:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return bool(response.status == 200)
        except (OSError, urllib.error.URLError):
            return False

    return check


@dataclass
class Service:
    """A server this process started: its process, port, log file, and how to stop it."""

    name: str
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def url(self) -> str:
        scheme = "redis" if self.name == "redis" else "http"
        return f"{scheme}://{HOST}:{self.port}" + ("/0" if scheme == "redis" else "")

    def running(self) -> bool:
        return self.process.poll() is None

    def stop(self, timeout: float = 15.0) -> int:
        """SIGTERM by PID, SIGKILL after ``timeout`` seconds; returns the exit status."""
        if self.running():
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return int(self.process.returncode)

    def kill(self) -> None:
        """SIGKILL now: what a crash or the OOM killer does (used to test recovery)."""
        if self.running():
            self.process.kill()
            self.process.wait()

    def tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def __enter__(self) -> Service:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop()


def start(
    name: str,
    argv: Sequence[str],
    *,
    port: int,
    ready: Callable[[], bool],
    log: Path,
    env: dict[str, str] | None = None,
    timeout: float = 60.0,
) -> Service:
    """Start ``argv``, wait until ``ready()`` is true, and return the running service.

    The process gets its own session, so a Ctrl-C in the terminal reaches only this
    program, which then stops the service itself. If the process exits or is not
    ready within ``timeout`` seconds it is stopped and ``ServiceError`` quotes its log.
    """
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as out:
        process = subprocess.Popen(
            list(argv),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
            start_new_session=True,
        )
    service = Service(name, process, port, log)
    deadline = time.monotonic() + timeout
    try:
        while not ready():
            if not service.running():
                raise ServiceError(
                    f"{name} exited with status {process.returncode} while starting:\n{service.tail()}"
                )
            if time.monotonic() > deadline:
                raise ServiceError(f"{name} was not ready after {timeout:.0f} s:\n{service.tail()}")
            time.sleep(0.05)
    except BaseException:
        service.stop(timeout=5)
        raise
    return service


def start_redis(workdir: Path, *, port: int | None = None) -> Service:
    """Debian's ``redis-server`` on loopback, no persistence to disk, data in ``workdir``."""
    program = shutil.which("redis-server")
    if program is None:
        raise ServiceError(
            "redis-server is not installed; install it with 'apt-get install redis-server'"
        )
    port = port or free_port()
    workdir.mkdir(parents=True, exist_ok=True)
    argv = [program, "--bind", HOST, "--port", str(port), "--save", "", "--appendonly", "no"]
    argv += ["--dir", str(workdir), "--daemonize", "no", "--protected-mode", "yes"]
    return start("redis", argv, port=port, ready=port_open(port), log=workdir / "redis.log")


def python_module(module: str, *args: str) -> list[str]:
    """The argv that runs ``python -m module args`` with this interpreter."""
    return [sys.executable, "-m", module, *args]

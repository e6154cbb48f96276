"""A real HTTP file server on 127.0.0.1 that misbehaves on purpose.

The downloader's tests, tour and benchmark all talk to this server, so every fault the
client claims to survive is one it has actually met on a socket:

* a per-connection bandwidth cap (``rate`` bytes/s) and a fixed ``latency`` per request;
* Range requests on or off (off: every GET answers 200 with the whole file) and no
  ``Content-Length`` at all (the body ends when the connection closes);
* a fault *schedule*: the n-th request meets the n-th fault of the list, then requests
  meet random faults at ``fault_rate`` (seeded) or none. Faults:

  ========  ================================================================
  ``503``   Service Unavailable with ``Retry-After`` (a run of them is a burst)
  ``429``   Too Many Requests with ``Retry-After``
  ``drop``  correct headers, half the body, then the connection closes
  ``short`` a wrong ``Content-Length`` (100 bytes more than it sends), then close
  ``reset`` the connection is reset before any answer
  ``stall`` no answer for ``stall`` seconds (the client's read timeout fires)
  ========  ================================================================

``python -m level4.downloader serve DIR`` runs it from the command line.
"""

from __future__ import annotations

import contextlib
import email.utils
import random
import re
import socket
import struct
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import BinaryIO
from urllib.parse import quote, unquote, urlsplit

__all__ = ["FAULTS", "Faults", "LocalServer", "ServerStats"]

FAULTS = ("503", "429", "drop", "short", "reset", "stall")
_RANGE = re.compile(r"bytes=(\d*)-(\d*)")
_CHUNK = 64 * 1024


@dataclass
class Faults:
    """How the server misbehaves; change it between downloads with :meth:`LocalServer.set_faults`."""

    rate: float | None = None  # bytes per second per connection; None: as fast as it can
    latency: float = 0.0  # seconds before each answer
    ranges: bool = True  # honour Range requests (206) or always send the whole file (200)
    length: bool = True  # send Content-Length; without it the body ends at connection close
    schedule: list[str] = field(default_factory=list)  # the n-th request meets the n-th fault
    fault_rate: float = 0.0  # after the schedule: chance that a request meets a random fault
    seed: int = 0
    retry_after: float = 0.0  # the Retry-After value sent with 503 and 429, seconds
    stall: float = 2.0  # seconds a "stall" keeps the client waiting

    def __post_init__(self) -> None:
        unknown = sorted(set(self.schedule) - {*FAULTS, "ok"})
        if unknown:
            raise ValueError(f"unknown faults {unknown}; known: ok, {', '.join(FAULTS)}")


@dataclass
class ServerStats:
    """What the server did, counted under a lock (requests, faults, body bytes, concurrency)."""

    requests: int = 0
    body_bytes: int = 0
    faults: Counter[str] = field(default_factory=Counter)
    statuses: Counter[int] = field(default_factory=Counter)
    in_flight: int = 0
    max_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def snapshot(self) -> dict[str, object]:
        with self.lock:
            return {
                "requests": self.requests,
                "body_bytes": self.body_bytes,
                "faults": dict(self.faults),
                "statuses": dict(self.statuses),
                "max_in_flight": self.max_in_flight,
            }


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # many clients connect at once in the small-files benchmark

    def __init__(self, root: Path, faults: Faults, port: int) -> None:
        self.root = root.resolve()
        self.stats = ServerStats()
        self.lock = threading.Lock()
        self.set_faults(faults)
        super().__init__(("127.0.0.1", port), _Handler)

    def set_faults(self, faults: Faults) -> None:
        with self.lock:
            self.faults = faults
            self.schedule = deque(faults.schedule)
            self.random = random.Random(faults.seed)

    def next_fault(self) -> str:
        with self.lock:
            if self.schedule:
                return self.schedule.popleft()
            if self.faults.fault_rate and self.random.random() < self.faults.fault_rate:
                return self.random.choice(FAULTS[:5])  # random faults never stall
            return "ok"


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"  # keep-alive: one connection serves many requests
    # Headers and body go out in separate writes; with Nagle's algorithm the body waits
    # for the client's delayed ACK (40 ms on Linux), which would triple a 20 ms latency.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:
        pass  # a test server that prints every request buries the test output

    def handle(self) -> None:
        with contextlib.suppress(ConnectionError, TimeoutError):
            super().handle()  # clients hang up mid-body on purpose (segment done, Ctrl-C)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def do_GET(self) -> None:
        self._answer(body=True)

    def _answer(self, body: bool) -> None:
        server, stats = self.server, self.server.stats
        with stats.lock:
            stats.requests += 1
            stats.in_flight += 1
            stats.max_in_flight = max(stats.max_in_flight, stats.in_flight)
        try:
            faults = server.faults
            fault = server.next_fault()
            if fault != "ok":
                with stats.lock:
                    stats.faults[fault] += 1
            if faults.latency:
                time.sleep(faults.latency)
            if fault == "reset":
                self.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
                self.close_connection = True
                return
            if fault == "stall":
                time.sleep(faults.stall)
            if fault in ("503", "429"):
                self._status_only(int(fault), {"Retry-After": f"{faults.retry_after:g}"})
                return
            self._serve_file(faults, fault, body)
        finally:
            with stats.lock:
                stats.in_flight -= 1

    def _status_only(self, status: int, headers: dict[str, str]) -> None:
        self._count_status(status)
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _count_status(self, status: int) -> None:
        with self.server.stats.lock:
            self.server.stats.statuses[status] += 1

    def _path(self) -> Path | None:
        relative = unquote(urlsplit(self.path).path).lstrip("/")
        candidate = (self.server.root / relative).resolve()
        if not candidate.is_relative_to(self.server.root) or not candidate.is_file():
            return None
        return candidate

    def _serve_file(self, faults: Faults, fault: str, body: bool) -> None:
        path = self._path()
        if path is None:
            self._status_only(404, {})
            return
        stat = path.stat()
        size = stat.st_size
        start, end, status = 0, size, 200
        wanted = _RANGE.fullmatch(self.headers.get("Range", "").strip())
        if wanted and faults.ranges and faults.length:
            bounds = _bounds(wanted, size)
            if bounds is None:
                self._status_only(416, {"Content-Range": f"bytes */{size}"})
                return
            (start, end), status = bounds, 206
        self._count_status(status)
        self.send_response(status)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("ETag", f'"{stat.st_size:x}-{stat.st_mtime_ns:x}"')
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        if faults.ranges and faults.length:
            self.send_header("Accept-Ranges", "bytes")
        if status == 206:
            self.send_header("Content-Range", f"bytes {start}-{end - 1}/{size}")
        length = end - start
        if faults.length:
            declared = length + 100 if fault == "short" else length
            self.send_header("Content-Length", str(declared))
        if not faults.length or fault in ("drop", "short"):
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if not body:
            return
        if fault == "drop":
            length //= 2
        with path.open("rb") as handle:
            handle.seek(start)
            self._send_paced(handle, length, faults.rate)

    def _send_paced(self, handle: BinaryIO, length: int, rate: float | None) -> None:
        """Send ``length`` bytes, sleeping so this connection never exceeds ``rate`` bytes/s."""
        chunk = _CHUNK if rate is None else max(1024, min(_CHUNK, int(rate / 50)))
        began, sent = time.monotonic(), 0
        while sent < length:
            data = handle.read(min(chunk, length - sent))
            if not data:
                break
            self.wfile.write(data)
            sent += len(data)
            with self.server.stats.lock:
                self.server.stats.body_bytes += len(data)
            if rate and sent < length:
                ahead = began + sent / rate - time.monotonic()
                if ahead > 0:
                    time.sleep(ahead)


def _bounds(match: re.Match[str], size: int) -> tuple[int, int] | None:
    """``bytes=a-b`` / ``bytes=a-`` / ``bytes=-n`` as a half-open (start, end); None: unsatisfiable.

    A header the pattern does not match (several ranges, another unit) never gets here:
    the server answers it with the whole file, as RFC 9110 allows.
    """
    first, last = match.groups()
    if first:
        start = int(first)
        end = min(int(last) + 1, size) if last else size
    elif last:
        start, end = max(0, size - int(last)), size
    else:
        return None
    if start >= size or start >= end:
        return None
    return (start, end)


class LocalServer:
    """Serve the files under ``root`` on 127.0.0.1 from a background thread.

    >>> with LocalServer(folder, Faults(rate=2e6)) as server:      # doctest: +SKIP
    ...     server.url("big.bin")
    'http://127.0.0.1:41234/big.bin'
    """

    def __init__(self, root: Path, faults: Faults | None = None, port: int = 0) -> None:
        self._server = _Server(Path(root), faults or Faults(), port)
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def stats(self) -> ServerStats:
        return self._server.stats

    def url(self, name: str) -> str:
        return f"{self.base_url}/{quote(name)}"

    def set_faults(self, faults: Faults) -> None:
        """New faults (and a fresh schedule) for the requests from now on."""
        self._server.set_faults(faults)

    def reset_stats(self) -> None:
        self._server.stats = ServerStats()

    def start(self) -> LocalServer:
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
        )
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve in this thread until Ctrl-C (the ``serve`` command)."""
        try:
            self._server.serve_forever(poll_interval=0.2)
        finally:
            self._server.server_close()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join()

    def __enter__(self) -> LocalServer:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

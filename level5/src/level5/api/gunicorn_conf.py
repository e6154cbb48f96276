"""gunicorn settings and hooks for ``python -m level5.api serve``.

The command line passes the bind address, worker and thread counts; this module adds
what a command line cannot: the hooks that keep multiprocess Prometheus metrics right
(``PROMETHEUS_MULTIPROC_DIR`` is a fresh folder the serve command created).
"""

from __future__ import annotations

import os
import shutil
from typing import Any

from level5.api.settings import ARBITER_ENV

worker_class = "gthread"  # threads in each worker: I/O waits overlap, models load once per worker
control_socket_disable = True
graceful_timeout = 5  # seconds for requests in flight when stopping


def post_fork(server: Any, worker: Any) -> None:
    """Tell the new worker its arbiter, so the reload endpoint can restart its siblings."""
    os.environ[ARBITER_ENV] = str(server.pid)


def child_exit(server: Any, worker: Any) -> None:
    """A worker is gone: its live gauges stop counting (its counters still add up)."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)  # type: ignore[no-untyped-call]


def on_exit(server: Any) -> None:
    """The server stops: remove the metrics folder the serve command created for it."""
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder and os.path.basename(folder).startswith("level5-metrics-"):
        shutil.rmtree(folder, ignore_errors=True)

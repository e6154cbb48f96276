"""Scale-out: the same search on a Dask cluster, through joblib's Dask backend.

scikit-learn's searches parallelise with joblib. Inside ``joblib.parallel_backend("dask")``
every ``n_jobs`` loop sends its fits to the Dask workers of the active
``distributed.Client`` instead of local processes, with no change to the search code.
With no scheduler address a ``LocalCluster`` is started on this machine (a script that
does this needs the ``if __name__ == "__main__":`` guard; ``python -m`` has it).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

__all__ = ["BACKENDS", "parallel"]

BACKENDS = ("local", "dask")


@contextmanager
def parallel(
    backend: str = "local",
    scheduler: str | None = None,
    *,
    workers: int = 2,
    processes: bool = True,
) -> Iterator[Any]:
    """Run the enclosed joblib work locally, or on Dask (a scheduler address or a LocalCluster)."""
    if backend == "local":
        yield None
        return
    if backend != "dask":
        raise ValueError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    import joblib
    from dask.distributed import Client, LocalCluster

    with ExitStack() as stack:
        if scheduler:
            client = stack.enter_context(Client(scheduler, timeout="10s"))  # type: ignore[no-untyped-call]
        else:
            cluster = stack.enter_context(
                LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=processes,
                    dashboard_address=None,
                    **({"host": "127.0.0.1"} if processes else {}),  # in-process: no sockets
                )
            )
            client = stack.enter_context(Client(cluster))  # type: ignore[no-untyped-call]
        stack.enter_context(joblib.parallel_backend("dask"))
        yield client

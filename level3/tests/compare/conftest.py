"""One BLAS/OpenMP thread for the compare tests: the fits are tiny, threads only contend."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from threadpoolctl import threadpool_limits


@pytest.fixture(autouse=True, scope="module")
def one_thread() -> Iterator[None]:
    with threadpool_limits(limits=1):
        yield

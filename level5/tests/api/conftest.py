"""Fixtures of the API tests: the app over the shared model folder, a real Redis."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from level5.services import Service, start_redis

TOKEN = "test-reload-token"


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    """Debian's redis-server on a free loopback port, for this test run."""
    with start_redis(tmp_path_factory.mktemp("redis")) as server:
        yield server


@pytest.fixture(scope="session")
def reload_token() -> str:
    return TOKEN


@pytest.fixture(scope="module")
def app(solution: Any, model_folder: Path, redis_server: Service) -> Any:
    """The API (the learner's with --solutions) over the default model folder, queue on."""
    return solution("level5.api").create_app(
        model_folder, redis_url=redis_server.url, reload_token=TOKEN
    )


@pytest.fixture
def client(app: Any) -> Any:
    return app.test_client()

"""The API's settings from the environment, as twelve-factor servers take them.

=====================  ==============================  =========================
variable               meaning                         default
=====================  ==============================  =========================
LEVEL5_MODELS          the model folder                ``models``
LEVEL5_REDIS_URL       Redis for the job queue         ``redis://127.0.0.1:6379/0``
LEVEL5_RELOAD_TOKEN    bearer token of the reload      unset: reloading is off
                       endpoint
=====================  ==============================  =========================
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ARBITER_ENV", "DEFAULT_REDIS_URL", "MODELS_ENV", "REDIS_ENV", "TOKEN_ENV", "Settings"]

MODELS_ENV = "LEVEL5_MODELS"
REDIS_ENV = "LEVEL5_REDIS_URL"
TOKEN_ENV = "LEVEL5_RELOAD_TOKEN"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
ARBITER_ENV = "LEVEL5_ARBITER_PID"  # set in each gunicorn worker by gunicorn_conf.post_fork


@dataclass(frozen=True)
class Settings:
    models_dir: Path
    redis_url: str
    reload_token: str | None

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> Settings:
        return cls(
            models_dir=Path(env.get(MODELS_ENV) or "models"),
            redis_url=env.get(REDIS_ENV) or DEFAULT_REDIS_URL,
            reload_token=env.get(TOKEN_ENV) or None,
        )

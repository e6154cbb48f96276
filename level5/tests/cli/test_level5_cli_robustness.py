"""Every level 5 CLI against hostile input and Ctrl-C (the checks live in level0.robustness)."""

from __future__ import annotations

from level0.robustness import CliRobustness


class TestLevel5Clis(CliRobustness):
    level = "level5"
    hostile = {}  # noqa: RUF012  (read-only case tables)
    busy = {}  # noqa: RUF012

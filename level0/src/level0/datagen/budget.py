"""How much memory a table will need, estimated before the real run.

A generated table lives in memory whole (one NumPy call per column), so a million rows
of the ``emails`` preset need about 1.7 GB. For the presets the CLI knows the figure,
measured (README). For a schema file, :func:`bytes_per_row` generates a small probe
and scales what the finished probe holds per row (``memory_usage(deep=True)``): on the
presets the process's real peak while generating and writing was 3.3 to 5.3 times that
(8.3 times on ``sensor_series``, whose rows are tiny), so the estimate takes
:data:`FACTOR` times it, and never less than :data:`FLOOR` bytes, above the smallest real
cost a preset showed (271 bytes a row).
"""

from __future__ import annotations

import math

from level0.datagen.schema import Schema
from level0.datagen.table import generate

__all__ = ["FACTOR", "FLOOR", "PROBE_ROWS", "bytes_per_row"]

PROBE_ROWS = 20_000
FACTOR = 6
FLOOR = 400


def bytes_per_row(schema: Schema, *, probe_rows: int = PROBE_ROWS) -> int:
    """A generous estimate of the peak bytes one row of ``schema`` costs to generate and write."""
    probe = generate(schema, probe_rows, seed=0)
    held = int(probe.memory_usage(deep=True, index=False).sum())
    return max(FLOOR, math.ceil(FACTOR * held / probe_rows))

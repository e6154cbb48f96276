"""Writing a generated table: CSV or JSON Lines, atomically, byte for byte reproducible.

The file appears complete or not at all (``level0.atomic``): a failed or interrupted
run never leaves half a CSV behind. Dates are written as ``2024-03-01`` when a column
holds whole days and ``2024-03-01 12:30:00`` otherwise, the same in both formats.
Rows go out in chunks, so a long write can show a progress bar.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Literal

import pandas as pd
from tqdm import tqdm

from level0.atomic import atomic_open

__all__ = ["FORMATS", "format_for", "write", "write_to"]

Format = Literal["csv", "jsonl"]
FORMATS: tuple[Format, ...] = ("csv", "jsonl")
CHUNK_ROWS = 100_000


def format_for(path: str | os.PathLike[str]) -> Format:
    """The format a file name asks for: JSON Lines for .jsonl/.ndjson, else CSV."""
    return "jsonl" if Path(path).suffix.lower() in (".jsonl", ".ndjson") else "csv"


def write(
    frame: pd.DataFrame,
    path: str | os.PathLike[str],
    format: Format | None = None,
    *,
    progress: bool = False,
) -> Path:
    """Write ``frame`` to ``path`` atomically as CSV or JSON Lines (default: from the suffix)."""
    chosen = format or format_for(path)
    with atomic_open(path, "w", encoding="utf-8", newline="") as handle:
        write_to(frame, handle, chosen, progress=progress)
    return Path(path)


def write_to(
    frame: pd.DataFrame, handle: IO[str], format: Format, *, progress: bool = False
) -> None:
    """Write ``frame`` to an open text handle (a file or stdout), chunk by chunk."""
    if format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    text = _dates_as_text(frame)
    if format == "csv":
        text.head(0).to_csv(handle, index=False, lineterminator="\n")
    bar = tqdm(total=len(text), unit="rows", disable=None if progress else True, leave=False)
    for start in range(0, len(text), CHUNK_ROWS):
        chunk = text.iloc[start : start + CHUNK_ROWS]
        if format == "csv":
            chunk.to_csv(handle, index=False, header=False, lineterminator="\n")
        else:
            chunk.to_json(handle, orient="records", lines=True, force_ascii=False)
        bar.update(len(chunk))
    bar.close()


def _dates_as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Date columns as text, formatted once for the whole column (NaT stays missing).

    pandas picks "date only" when every value of a column is midnight; formatting the
    whole column up front makes that choice once, so chunks cannot disagree.
    """
    dates = [name for name in frame.columns if pd.api.types.is_datetime64_any_dtype(frame[name])]
    if not dates:
        return frame
    return frame.assign(**{name: frame[name].astype("str") for name in dates})

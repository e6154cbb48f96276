"""Append-only output files that survive a crash and let a re-run resume.

A scrape can take an hour and die at any moment (network, Ctrl-C, a power cut).
So each record is appended to the output the moment it is parsed, then flushed
and fsync'ed: a crash loses at most the record being written. Rewriting the
whole file atomically after every record (``level0.atomic``) would also be
safe, but would copy the file once per record. Appending is the right tool for a
log that only grows; the price is one repair step: a crash in the middle of a
line leaves a torn last line, which :func:`open_for_append` cuts off before
writing again.

Two files are kept side by side:

* the output, ``products.jsonl`` (JSON Lines) or ``products.csv``: one product per line;
* ``products.jsonl.state``: the catalogue pages already read, with their links, so a
  re-run does not fetch them again.

A re-run reads both and skips every page already done.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import IO, Any

from level2.scraper.parse import RECORD_FIELDS, ListPage

__all__ = ["FORMATS", "CrawlState", "ProductStore", "open_for_append", "read_records"]

FORMATS = {".jsonl": "jsonl", ".csv": "csv"}


def open_for_append(path: Path) -> IO[str]:
    """Open ``path`` for appending text, after cutting off a torn last line, if any."""
    if path.exists():
        data = path.read_bytes()
        if data and not data.endswith(b"\n"):
            with path.open("r+b") as handle:
                handle.truncate(data.rfind(b"\n") + 1)
    return path.open("a", encoding="utf-8", newline="")


def _durable(handle: IO[str]) -> None:
    """Push what was written to the disk, so a crash right after keeps it."""
    handle.flush()
    os.fsync(handle.fileno())


class ProductStore:
    """The product records written so far, and a way to append more.

    ``done`` holds the URL of every product already in the file.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        suffix = self.path.suffix.lower()
        if suffix not in FORMATS:
            raise ValueError(f"output must end in .jsonl or .csv, not {self.path.name!r}")
        self.format = FORMATS[suffix]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._handle = open_for_append(self.path)
        try:
            self.done = {str(record["url"]) for record in read_records(self.path)}
        except ValueError:
            self._handle.close()
            raise
        self._writer: csv.DictWriter[str] | None = None
        if self.format == "csv":
            self._writer = csv.DictWriter(self._handle, fieldnames=RECORD_FIELDS)
            if self._handle.tell() == 0:
                self._writer.writeheader()
                _durable(self._handle)

    def __enter__(self) -> ProductStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._handle.close()

    def add(self, record: dict[str, Any]) -> None:
        """Append one product record and make it durable."""
        if self._writer is not None:
            row = dict(record)
            row["issues"] = "; ".join(record["issues"])
            self._writer.writerow(row)
        else:
            self._handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        _durable(self._handle)
        self.done.add(record["url"])


def read_records(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The records of a JSON Lines or CSV output (CSV values come back as strings)."""
    path = Path(path)
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        if path.suffix.lower() == ".csv":
            records: list[dict[str, Any]] = list(csv.DictReader(handle))
        else:
            records = []
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path} line {number} is not JSON ({exc.msg})") from None
    if any(not isinstance(r, dict) or "url" not in r for r in records):
        raise ValueError(f"{path} is not a scraper output: some records have no 'url'")
    return records


class CrawlState:
    """The catalogue pages already read (JSON Lines next to the output), keyed by URL."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._handle = open_for_append(self.path)
        self.pages: dict[str, ListPage] = {}
        try:
            for line in self.path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    saved = json.loads(line)
                    self.pages[saved["url"]] = ListPage(
                        saved["url"], saved["product_urls"], saved["next_url"]
                    )
        except (ValueError, KeyError, TypeError):
            self._handle.close()
            raise ValueError(
                f"{self.path} is not a crawl state file; delete it to start the crawl afresh"
            ) from None

    def __enter__(self) -> CrawlState:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._handle.close()

    def add(self, page: ListPage) -> None:
        """Remember a catalogue page that was read completely."""
        saved = {"url": page.url, "product_urls": page.product_urls, "next_url": page.next_url}
        self._handle.write(json.dumps(saved) + "\n")
        _durable(self._handle)
        self.pages[page.url] = page

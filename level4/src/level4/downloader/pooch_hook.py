"""Use the downloader from pooch: ``pooch.retrieve(..., downloader=SegmentedDownloader())``.

pooch calls its ``downloader`` as ``downloader(url, output_file, pooch_instance,
check_only=False)``: ``output_file`` is the temporary path (or an open binary file)
pooch checks against the known hash before moving it into its cache, and
``check_only=True`` only asks whether the server has the file. Errors are raised as
``requests`` exceptions, which pooch already knows to retry and to report.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import IO, Any

import requests

from level4.downloader.datatypes import Options, Target
from level4.downloader.engine import Downloader

__all__ = ["SegmentedDownloader"]


class SegmentedDownloader:
    """A pooch downloader that fetches with threads and Range segments.

    >>> pooch.retrieve(url, known_hash="sha256:...",                   # doctest: +SKIP
    ...                downloader=SegmentedDownloader(threads=8, segments=8))
    """

    def __init__(self, log: Path | None = None, **options: Any) -> None:
        self.options = Options(**{**options, "force": True})  # pooch hands us an existing temp file
        self.log = log

    def __call__(
        self,
        url: str,
        output_file: str | Path | IO[bytes] | None,
        pooch: object,
        check_only: bool = False,
    ) -> bool | None:
        if check_only:
            answer = requests.head(url, timeout=self.options.timeout, allow_redirects=True)
            return answer.status_code == 200
        if output_file is None:
            raise ValueError("pooch gave no output file")
        if isinstance(output_file, str | Path):
            self._fetch(url, Path(output_file))
            return None
        with tempfile.TemporaryDirectory(prefix="segmented-") as scratch:
            path = Path(scratch) / "download"
            self._fetch(url, path)
            with path.open("rb") as source:
                shutil.copyfileobj(source, output_file)
        return None

    def _fetch(self, url: str, path: Path) -> None:
        result = Downloader(self.options, self.log).run([Target(url, path)])
        (outcome,) = result.files
        if outcome.status != "done":
            raise requests.exceptions.RequestException(outcome.message or outcome.status)

"""Find, verify and download registry datasets in the local data folder.

The data folder is ``$MLROADMAP_DATA``, or the platform's cache folder when that is
not set. A file counts as present only when its sha256 matches the registry, so a
truncated or edited copy is never used. Downloads go through pooch: to a temporary
file, verified, then moved into place, so a failed download never leaves a file
that looks complete.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pooch
import requests

from level0.datasets.archive import SafeArchive, UnsafeArchive
from level0.datasets.registry import REGISTRY, Dataset, File, Item, file_sha256, tree_sha256

__all__ = [
    "DatasetError",
    "DatasetMissing",
    "DownloadError",
    "ItemStatus",
    "UnknownDataset",
    "check",
    "data_home",
    "fetch",
    "get",
    "locate",
]

TIMEOUT_SECONDS = 60
pooch.get_logger().setLevel("WARNING")  # we report downloads ourselves, in one line each
HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body")


class DatasetError(Exception):
    """A dataset problem, with a one-line message that says what to do."""


class DatasetMissing(DatasetError):
    """The dataset is not in the data folder (or not the right bytes)."""


class UnknownDataset(DatasetError):
    """No dataset of that name is registered."""


class DownloadError(DatasetError):
    """A download was refused: HTTP error, wrong bytes, an HTML page, an unsafe archive."""


@dataclass(frozen=True)
class ItemStatus:
    """The state of one item on disk: ``ok``, ``missing`` or ``mismatch``."""

    item: Item
    state: str
    detail: str = ""


def data_home() -> Path:
    """The data folder: ``$MLROADMAP_DATA`` or the platform cache (e.g. ~/.cache/ml-roadmap)."""
    configured = os.environ.get("MLROADMAP_DATA")
    return Path(configured).expanduser() if configured else Path(pooch.os_cache("ml-roadmap"))


def get(name: str) -> Dataset:
    """The registry entry ``name``, or a one-line error listing the known names."""
    from level0.datasets import catalog  # noqa: F401  (registers the datasets)

    try:
        return REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(REGISTRY))
        raise UnknownDataset(f"unknown dataset {name!r}; known datasets: {known}") from None


def check(item: Item, home: Path | None = None) -> ItemStatus:
    """Hash one item in the data folder and compare it with the registry."""
    home = data_home() if home is None else home
    target = home / item.path
    if isinstance(item, File):
        if not target.is_file():
            return ItemStatus(item, "missing")
        actual = file_sha256(target)
        expected = item.sha256
    else:
        if not target.is_dir():
            return ItemStatus(item, "missing")
        actual = tree_sha256(target, item.path)
        expected = item.tree_sha256
    if actual != expected:
        return ItemStatus(item, "mismatch", f"sha256 {actual[:12]}…, expected {expected[:12]}…")
    return ItemStatus(item, "ok")


def locate(name: str) -> Path:
    """The verified local folder of dataset ``name``; never downloads.

    Raises :class:`DatasetMissing` with the fetch command and the manual route.
    """
    dataset = get(name)
    home = data_home()
    for item in dataset.items:
        status = check(item, home)
        if status.state != "ok":
            raise DatasetMissing(_missing_message(dataset, status, home))
    return home / dataset.directory


def fetch(name: str, *, progress: bool | None = None) -> Path:
    """Make sure dataset ``name`` is in the data folder, downloading what is missing.

    ``progress`` shows download bars; by default only when stderr is a terminal.
    Returns the dataset's folder.
    """
    dataset = get(name)
    home = data_home()
    show = sys.stderr.isatty() if progress is None else progress
    by_url: dict[str, list[Item]] = {}
    for status in (check(item, home) for item in dataset.items):
        if status.state == "mismatch":  # never overwrite bytes we did not write
            raise DatasetError(_missing_message(dataset, status, home))
        if status.state == "missing":
            by_url.setdefault(status.item.url, []).append(status.item)
    for url, items in by_url.items():
        print(f"{dataset.name}: downloading {url}", file=sys.stderr)
        try:
            _download(dataset, url, items, home, show)
        except requests.ConnectionError:
            raise DatasetMissing(
                _missing_message(dataset, ItemStatus(items[0], "missing"), home, offline=True)
            ) from None
    return locate(name)


def _download(dataset: Dataset, url: str, items: list[Item], home: Path, progress: bool) -> None:
    """Download ``url`` once and place every item it carries."""
    first = items[0]
    if isinstance(first, File) and first.member is None:
        target = home / first.path
        _retrieve(
            dataset,
            url,
            first.sha256,
            target,
            progress,
            expect_html=target.suffix in {".html", ".htm"},
        )
        return
    archive_sha = first.archive_sha256
    with tempfile.TemporaryDirectory(prefix=".download-", dir=_writable(home)) as scratch:
        archive_path = Path(scratch) / "archive"
        _retrieve(dataset, url, archive_sha, archive_path, progress, expect_html=False)
        try:
            with SafeArchive(archive_path) as archive:
                for item in items:
                    _place(dataset, archive, item, home, Path(scratch))
        except UnsafeArchive as exc:
            raise DownloadError(f"{dataset.name}: {exc}") from None


def _writable(home: Path) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    return home


def _place(dataset: Dataset, archive: SafeArchive, item: Item, home: Path, scratch: Path) -> None:
    """Extract ``item`` into scratch space, verify it, then rename it into place."""
    staged = scratch / "staged"
    if staged.exists():
        shutil.rmtree(staged) if staged.is_dir() else staged.unlink()
    if isinstance(item, File):
        assert item.member is not None
        if item.member not in archive.names():
            raise DownloadError(f"{dataset.name}: {item.url} has no member {item.member!r}")
        archive.extract_file(item.member, staged)
        actual = file_sha256(staged)
        expected = item.sha256
    else:
        count = archive.extract_tree(item.member_prefix, item.pattern, staged)
        if count == 0:
            raise DownloadError(
                f"{dataset.name}: {item.url} has nothing under {item.member_prefix!r}"
            )
        actual = tree_sha256(staged, item.path)
        expected = item.tree_sha256
    if actual != expected:
        raise DownloadError(
            f"{dataset.name}: {item.path} from {item.url} has sha256 {actual[:12]}…, "
            f"expected {expected[:12]}…; the source changed or the download is damaged, nothing was kept"
        )
    target = home / item.path
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(staged, target)  # fetch() only places items that are missing


def _retrieve(
    dataset: Dataset,
    url: str,
    sha256: str | None,
    target: Path,
    progress: bool,
    *,
    expect_html: bool,
) -> None:
    """pooch.retrieve with our checks: HTTP errors, HTML in place of data, wrong bytes."""

    def download(url: str, output_file: str, pooch_instance: object) -> None:
        pooch.HTTPDownloader(progressbar=progress, timeout=TIMEOUT_SECONDS)(
            url, output_file, pooch_instance
        )
        with open(output_file, "rb") as handle:
            head = handle.read(1024).lstrip().lower()
        if not expect_html and head.startswith(HTML_MARKERS):
            raise DownloadError(
                f"{dataset.name}: {url} sent an HTML page instead of the data "
                "(a login, error or redirect page?); nothing was kept"
            )

    try:
        pooch.retrieve(
            url,
            known_hash=f"sha256:{sha256}" if sha256 else None,
            fname=target.name,
            path=target.parent,
            downloader=download,
            progressbar=progress,
        )
    except requests.HTTPError as exc:
        status = exc.response.status_code if exc.response is not None else "an error"
        raise DownloadError(
            f"{dataset.name}: {url} answered HTTP {status}; nothing was kept"
        ) from None
    except requests.Timeout:
        raise DownloadError(f"{dataset.name}: {url} timed out after {TIMEOUT_SECONDS} s") from None
    except ValueError as exc:
        if "hash" not in str(exc).lower():
            raise
        raise DownloadError(
            f"{dataset.name}: {url} sent bytes whose sha256 does not match the registry; nothing was kept"
        ) from None


def _missing_message(
    dataset: Dataset, status: ItemStatus, home: Path, *, offline: bool = False
) -> str:
    """One line: which dataset, the URL, and where to put the file by hand."""
    item = status.item
    target = home / item.path
    if status.state == "mismatch":
        return (
            f"dataset {dataset.name!r}: {target} is not the registered file ({status.detail}); "
            f"move it away and run: python -m level0.datasets fetch {dataset.name}"
        )
    if isinstance(item, File) and item.member is None:
        manual = f"download {item.url} and save it as {target}"
    elif isinstance(item, File):
        manual = f"download {item.url} and extract its member {item.member!r} as {target}"
    else:
        manual = f"download {item.url} and extract {item.member_prefix!r} into {target}"
    if offline:
        return f"dataset {dataset.name!r}: cannot reach {item.url} (offline?); {manual}"
    return (
        f"dataset {dataset.name!r} is not in {home}: run `python -m level0.datasets fetch "
        f"{dataset.name}`, or {manual}"
    )

"""What a dataset is: where its bytes live on the web, their sha256, and where they go locally.

Every dataset is a list of items. A :class:`File` is one file, downloaded as is or
taken out of an archive. A :class:`Folder` is a tree of many small files (an email
corpus) unpacked from an archive and verified by its *tree digest*: the sha256 of
the lines ``<sha256>  <path>`` of every file, sorted by path, as printed by

    find DIR -type f | LC_ALL=C sort | xargs -d '\\n' sha256sum | sha256sum

run from the data folder. Archives that a host builds on the fly are not byte-stable,
so a folder is verified by its content, never by the archive that carried it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

__all__ = ["REGISTRY", "Dataset", "File", "Folder", "file_sha256", "register", "tree_sha256"]


@dataclass(frozen=True)
class File:
    """One file: ``path`` (relative to the data folder) gets the bytes of ``url``."""

    path: str
    url: str
    sha256: str
    size: int
    member: str | None = None  # when ``url`` is an archive: the member that becomes ``path``
    archive_sha256: str | None = None  # when the archive itself is byte-stable


@dataclass(frozen=True)
class Folder:
    """A folder unpacked from the archive at ``url``: members under ``member_prefix`` matching ``pattern``."""

    path: str
    url: str
    tree_sha256: str
    files: int
    size: int
    member_prefix: str
    pattern: str = "**"
    archive_sha256: str | None = None


Item = File | Folder


@dataclass(frozen=True)
class Dataset:
    """A named dataset: its items plus what a learner needs to cite and reuse it."""

    name: str
    directory: str  # its top folder, relative to the data folder: "titanic", "emails/aeslc"
    title: str
    licence: str
    citation: str
    items: tuple[Item, ...]

    @property
    def size(self) -> int:
        return sum(item.size for item in self.items)


REGISTRY: dict[str, Dataset] = {}


def register(dataset: Dataset) -> Dataset:
    """Add ``dataset`` to the registry (each level's ``datasets`` module calls this)."""
    if dataset.name in REGISTRY and REGISTRY[dataset.name] != dataset:
        raise ValueError(f"dataset {dataset.name!r} is registered twice with different contents")
    REGISTRY[dataset.name] = dataset
    return dataset


def file_sha256(path: Path) -> str:
    """The sha256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def tree_sha256(folder: Path, as_path: str) -> str:
    """The tree digest of ``folder``, naming its files as if the folder were at ``as_path``."""
    files = sorted(
        (f"{as_path}/{p.relative_to(folder).as_posix()}", p)
        for p in folder.rglob("*")
        if p.is_file()
    )
    files.sort(key=lambda pair: pair[0].encode())  # LC_ALL=C sort: by bytes
    listing = "".join(f"{file_sha256(p)}  {name}\n" for name, p in files)
    return hashlib.sha256(listing.encode()).hexdigest()

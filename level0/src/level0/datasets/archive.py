"""Unpack only the members we asked for, and refuse any archive that tries to escape.

pooch's Untar/Unzip processors extract whatever the archive says. An archive can say
``../../.bashrc`` or hold a link pointing outside the target, so every member name is
checked before anything is written: the whole archive is refused if one member is
absolute, climbs out with ``..``, or is a link or a device.
"""

from __future__ import annotations

import shutil
import tarfile
import zipfile
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import IO

__all__ = ["SafeArchive", "UnsafeArchive"]


class UnsafeArchive(ValueError):
    """The archive holds a member that would land outside the target folder."""


class SafeArchive:
    """A zip or tar archive whose member names have all been checked, opened read-only.

    >>> with SafeArchive(path) as archive:  # doctest: +SKIP
    ...     archive.extract("enron1/", Path("out/enron1"))
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip: zipfile.ZipFile | None = None
        self._tar: tarfile.TarFile | None = None
        self._files: dict[str, str] = {}  # normalised name -> name inside the archive
        try:
            self._read_index(path)
        except BaseException:
            self.close()
            raise

    def _read_index(self, path: Path) -> None:
        if zipfile.is_zipfile(path):
            self._zip = zipfile.ZipFile(path)
            for info in self._zip.infolist():
                self._admit(info.filename, is_dir=info.is_dir(), is_file=not info.is_dir())
        else:
            try:
                self._tar = tarfile.open(path)  # noqa: SIM115  (closed by close())
            except tarfile.TarError as exc:
                raise UnsafeArchive(
                    f"{path.name} is neither a zip nor a tar archive ({exc})"
                ) from None
            for member in self._tar.getmembers():
                self._admit(member.name, is_dir=member.isdir(), is_file=member.isfile())

    def _admit(self, name: str, *, is_dir: bool, is_file: bool) -> None:
        parts = PurePosixPath(name.replace("\\", "/"))
        if parts.is_absolute() or ".." in parts.parts or (parts.parts and ":" in parts.parts[0]):
            raise UnsafeArchive(
                f"{self.path.name}: member {name!r} would be written outside the target folder; "
                "refusing the whole archive"
            )
        if is_dir:
            return
        if not is_file:
            raise UnsafeArchive(
                f"{self.path.name}: member {name!r} is a link or a device; refusing it"
            )
        normalised = name
        while normalised.startswith("./"):
            normalised = normalised[2:]
        self._files[normalised] = name

    def names(self) -> list[str]:
        """The regular files in the archive, with any leading ``./`` removed."""
        return list(self._files)

    def open(self, name: str) -> IO[bytes]:
        """A binary reader for the member ``name`` (as listed by :meth:`names`)."""
        original = self._files[name]
        if self._zip is not None:
            return self._zip.open(original)
        assert self._tar is not None
        handle = self._tar.extractfile(original)
        if handle is None:
            raise UnsafeArchive(f"{self.path.name}: member {name!r} has no data")
        return handle

    def extract_file(self, name: str, target: Path) -> None:
        """Copy the member ``name`` to ``target`` (whose folder must exist)."""
        if name not in self._files:
            raise KeyError(f"{self.path.name} has no member {name!r}")
        with self.open(name) as source, target.open("wb") as sink:
            shutil.copyfileobj(source, sink)

    def extract_tree(self, prefix: str, pattern: str, target: Path) -> int:
        """Copy members under ``prefix`` whose rest matches ``pattern`` into ``target``; return the count."""
        count = 0
        for name in self._files:
            if not name.startswith(prefix):
                continue
            rest = name[len(prefix) :]
            if pattern != "**" and ("/" in rest or not fnmatch(rest, pattern)):
                continue
            destination = target / rest
            destination.parent.mkdir(parents=True, exist_ok=True)
            self.extract_file(name, destination)
            count += 1
        return count

    def close(self) -> None:
        for archive in (self._zip, self._tar):
            if archive is not None:
                archive.close()

    def __enter__(self) -> SafeArchive:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

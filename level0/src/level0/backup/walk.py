"""Walking the source tree: what to back up, never following a symlink.

``os.scandir`` with ``follow_symlinks=False`` everywhere: a symlink is recorded as
a symlink (its target text), never entered, so a link to ``/`` or to another disk
cannot pull files from outside the source into the backup. Sockets, FIFOs and
devices are reported and skipped; opening a FIFO would block forever.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from level0.backup.manifest import Kind, shown

__all__ = ["Scan", "SourceItem", "is_excluded", "scan"]

NOATIME = getattr(os, "O_NOATIME", 0)


@dataclass(frozen=True)
class SourceItem:
    """One path found in the source, with the ``lstat`` taken when it was found."""

    path: str  # relative, '/'-separated
    kind: Kind
    stat: os.stat_result


@dataclass
class Scan:
    """The result of walking a source: items in pre-order (a directory before its contents)."""

    items: list[SourceItem] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # could not be read: the user must know
    skipped: list[str] = field(default_factory=list)  # sockets, FIFOs, devices: by design
    excluded: int = 0


def is_excluded(path: str, patterns: Sequence[str]) -> bool:
    """fnmatch-style: a pattern with a ``/`` matches the whole relative path,
    one without matches any single name (``*.tmp``, ``node_modules``)."""
    name = path.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(path if "/" in p else name, p.strip("/")) for p in patterns)


def scan(source: Path, exclude: Sequence[str] = ()) -> Scan:
    """Walk ``source`` folder by folder, names sorted, without following symlinks.

    A folder always comes before its contents, which is the order restore needs.
    """
    result = Scan()
    stack = [""]
    while stack:
        folder = stack.pop()
        try:
            children = _list(source / folder if folder else source)
        except OSError as exc:
            result.problems.append(f"cannot list {shown(folder or '.')}: {exc.strerror}")
            continue
        subfolders = []
        for name, info in children:
            path = f"{folder}/{name}" if folder else name
            if is_excluded(path, exclude):
                result.excluded += 1
                continue
            if isinstance(info, OSError):
                result.problems.append(f"cannot stat {shown(path)}: {info.strerror}")
                continue
            kind = _kind(info.st_mode)
            if kind is None:
                result.skipped.append(path)
                continue
            result.items.append(SourceItem(path, kind, info))
            if kind == "dir":
                subfolders.append(path)
        # Reversed onto the stack so folders are entered in sorted order.
        stack.extend(reversed(subfolders))
    return result


def _list(folder: Path) -> list[tuple[str, os.stat_result | OSError]]:
    """Each entry's name and ``lstat`` (or the error getting it), sorted by name.

    Read through a descriptor opened with O_NOATIME where the OS allows it, so not
    even the folder's access time changes.
    """
    if os.scandir not in os.supports_fd or not NOATIME:
        with os.scandir(folder) as listing:
            return sorted(((entry.name, _lstat(entry)) for entry in listing), key=lambda x: x[0])
    flags = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW
    try:
        fd = os.open(folder, flags | NOATIME)
    except PermissionError:  # O_NOATIME needs to own the folder
        fd = os.open(folder, flags)
    try:
        with os.scandir(fd) as listing:  # entries stat relative to fd: stat before closing it
            return sorted(((entry.name, _lstat(entry)) for entry in listing), key=lambda x: x[0])
    finally:
        os.close(fd)


def _lstat(entry: os.DirEntry[str]) -> os.stat_result | OSError:
    try:
        return entry.stat(follow_symlinks=False)
    except OSError as exc:
        return exc


def _kind(mode: int) -> Kind | None:
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "dir"
    if stat.S_ISLNK(mode):
        return "symlink"
    return None

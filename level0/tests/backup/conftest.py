"""Helpers shared by the backup tests: build a tree, read a tree back for comparison."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

OLD = 1_600_000_000_000_000_000  # 2020-09-13: an mtime safely older than any test run


def read_tree(root: Path) -> dict[str, tuple[str, int, bytes | str]]:
    """Every path below ``root``: (kind, permission bits, bytes or symlink target)."""
    tree: dict[str, tuple[str, int, bytes | str]] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder, name)
            rel = path.relative_to(root).as_posix()
            info = path.lstat()
            mode = stat.S_IMODE(info.st_mode)
            if stat.S_ISLNK(info.st_mode):
                tree[rel] = ("symlink", 0, os.readlink(path))
            elif stat.S_ISDIR(info.st_mode):
                tree[rel] = ("dir", mode, "")
            else:
                tree[rel] = ("file", mode, path.read_bytes())
    return tree


def write_tree(root: Path, files: dict[str, bytes], mtime_ns: int | None = OLD) -> None:
    """Create ``files`` (relative path -> bytes) below ``root``, with an old mtime by default."""
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        if mtime_ns is not None:
            os.utime(path, ns=(mtime_ns, mtime_ns))


class Trees:
    """The helpers above, handed to tests as the ``trees`` fixture."""

    OLD = OLD
    read = staticmethod(read_tree)
    write = staticmethod(write_tree)


@pytest.fixture(scope="session")
def trees():
    return Trees


@pytest.fixture(scope="session")
def bk(solution):
    """The backup module under test (the reference, or a learner's with --solutions)."""
    return solution("level0.backup")


@pytest.fixture
def source(tmp_path):
    """A small source tree: nested folders, an empty one, spaces and unicode in names."""
    root = tmp_path / "source"
    write_tree(
        root,
        {
            "notes.txt": b"remember the milk\n",
            "docs/report final.txt": b"quarterly figures " * 100,
            "docs/résumé ✓.md": "# Zoë\n".encode(),
            "photos/2024/日本.jpg": bytes(range(256)) * 40,
        },
    )
    (root / "empty folder").mkdir()
    return root

"""Restore and verify: read a snapshot back, trusting only what the manifest promises.

``verify`` re-hashes every stored file and compares it with the manifest, so it
detects bit rot, a stored file edited by hand, or a file deleted from a snapshot.

``restore`` rebuilds the tree in a temporary sibling of the target and renames it
into place when done, so an interrupted restore never leaves a half tree under the
target's name. Each file's hash is checked as it is copied: a damaged snapshot
fails loudly instead of restoring silently wrong data. Modes and times come from
the manifest. Symlinks are created last, so no file is ever written through one.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from level0.backup.manifest import Entry, Manifest, ManifestError, shown
from level0.backup.repository import FILES, MANIFEST, BackupError, latest_snapshot
from level0.backup.snapshot import CHUNK, flush_to_disk

__all__ = ["VerifyReport", "load_snapshot", "restore", "verify"]


@dataclass
class VerifyReport:
    """What verify checked and what it found wrong (``ok`` when nothing)."""

    snapshot: Path
    files: int = 0
    bytes: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def load_snapshot(snapshot: str | os.PathLike[str]) -> tuple[Path, Manifest]:
    """The snapshot folder and its manifest, or a BackupError that says what is wrong."""
    folder = Path(snapshot)
    if not folder.is_dir():
        raise BackupError(f"snapshot {shown(folder)} does not exist or is not a directory")
    try:
        return folder, Manifest.read(folder / MANIFEST)
    except ManifestError as exc:
        newest = latest_snapshot(folder)
        if newest is not None:  # the user gave DEST instead of one of its snapshots
            raise BackupError(
                f"{shown(folder)} holds snapshots but is not one; give one of them, "
                f"e.g. {shown(newest.path)} (see: python -m level0.backup list {shown(folder)})"
            ) from None
        raise BackupError(f"{shown(folder)} is not a usable snapshot: {exc}") from None


def verify(snapshot: str | os.PathLike[str]) -> VerifyReport:
    """Re-hash every stored file against the manifest; also report extra or missing paths."""
    folder, manifest = load_snapshot(snapshot)
    root = folder / FILES
    report = VerifyReport(folder)
    for entry in manifest.entries:
        stored = root / entry.path
        problem = _check(entry, stored)
        if problem:
            report.problems.append(f"{shown(entry.path)}: {problem}")
        elif entry.kind == "file":
            report.files += 1
            report.bytes += entry.size
    listed = {entry.path for entry in manifest.entries}
    for path in sorted(_stored_paths(root)):
        if path not in listed:
            report.problems.append(f"{shown(path)}: in the snapshot but not in its manifest")
    return report


def _check(entry: Entry, stored: Path) -> str | None:
    try:
        info = stored.lstat()
    except FileNotFoundError:
        return "missing from the snapshot"
    if entry.kind == "dir":
        return None if stat.S_ISDIR(info.st_mode) else "should be a directory"
    if entry.kind == "symlink":
        if not stat.S_ISLNK(info.st_mode):
            return "should be a symlink"
        return None if os.readlink(stored) == entry.target else "symlink target differs"
    if not stat.S_ISREG(info.st_mode):
        return "should be a regular file"
    size, digest = _hash(stored)
    if size != entry.size:
        return f"size {size} bytes, manifest says {entry.size}"
    return None if digest == entry.sha256 else "content differs from the manifest (sha256)"


def _stored_paths(root: Path) -> list[str]:
    paths = []
    for folder, dirs, files in os.walk(root):
        relative = Path(folder).relative_to(root)
        paths += [(relative / name).as_posix() for name in dirs + files]
    return paths


def _hash(path: Path, copy_to: BinaryIO | None = None) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    # O_NOFOLLOW: a stored file replaced by a symlink is refused, never followed.
    with os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)), "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            if copy_to is not None:
                copy_to.write(chunk)
    return size, digest.hexdigest()


def restore(snapshot: str | os.PathLike[str], target: str | os.PathLike[str]) -> Manifest:
    """Recreate the snapshot's tree at ``target``, which must not exist or be an empty folder."""
    folder, manifest = load_snapshot(snapshot)
    destination = Path(target)
    if destination.exists() and (not destination.is_dir() or any(destination.iterdir())):
        raise BackupError(
            f"refusing to restore into {shown(destination)}: it exists and is not empty"
        )
    destination.parent.mkdir(parents=True, exist_ok=True)
    building = Path(
        tempfile.mkdtemp(dir=destination.parent, prefix=f".{destination.name}.restore-")
    )
    try:
        _rebuild(folder / FILES, manifest, building)
        flush_to_disk()
        if destination.exists():
            destination.rmdir()  # empty, checked above
        os.rename(building, destination)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return manifest


def _rebuild(stored: Path, manifest: Manifest, root: Path) -> None:
    by_kind = {
        kind: [e for e in manifest.entries if e.kind == kind] for kind in ("dir", "file", "symlink")
    }
    for entry in by_kind["dir"]:
        (root / entry.path).mkdir(mode=0o700)
    for entry in by_kind["file"]:
        _restore_file(stored / entry.path, root / entry.path, entry)
    for entry in by_kind["symlink"]:
        link = root / entry.path
        os.symlink(entry.target or "", link)
        if os.utime in os.supports_follow_symlinks:
            os.utime(link, ns=(entry.mtime_ns, entry.mtime_ns), follow_symlinks=False)
    # Directories last and deepest first: writing into a folder changes its mtime,
    # and a read-only folder must get its mode after its contents are in place.
    for entry in sorted(by_kind["dir"], key=lambda e: e.path.count("/"), reverse=True):
        os.chmod(root / entry.path, entry.mode)
        os.utime(root / entry.path, ns=(entry.mtime_ns, entry.mtime_ns))
    os.chmod(root, 0o755 & ~_umask())


def _restore_file(source: Path, target: Path, entry: Entry) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    with os.fdopen(os.open(target, flags, 0o600), "wb") as out:
        size, digest = _hash(source, copy_to=out)
    if (size, digest) != (entry.size, entry.sha256):
        raise BackupError(
            f"snapshot damaged: {shown(entry.path)} does not match its manifest; "
            "run verify, and restore from another snapshot"
        )
    os.chmod(target, entry.mode)
    os.utime(target, ns=(entry.mtime_ns, entry.mtime_ns))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

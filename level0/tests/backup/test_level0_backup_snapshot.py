"""backup(): what is copied, what is hard-linked, what the manifest says, what is refused."""

from __future__ import annotations

import hashlib
import os
import stat
import sys

import filelock
import pytest

from level0.backup.manifest import Manifest


def manifest_of(snapshot):
    return Manifest.read(snapshot / "manifest.json")


def test_first_snapshot_stores_every_file_and_a_manifest_matching_hashlib(
    bk, source, tmp_path, trees
):
    report = bk.backup(source, tmp_path / "dest")
    assert (report.files, report.new, report.changed, report.unchanged) == (4, 4, 0, 0)
    assert trees.read(report.path / "files").keys() == trees.read(source).keys()
    entries = manifest_of(report.path).by_path()
    for rel, (kind, mode, data) in trees.read(source).items():
        info = (source / rel).lstat()
        entry = entries[rel]
        assert (entry.kind, entry.mode, entry.mtime_ns) == (kind, mode, info.st_mtime_ns)
        if kind == "file":
            assert entry.size == len(data)
            assert entry.sha256 == hashlib.sha256(data).hexdigest()
            assert (report.path / "files" / rel).read_bytes() == data


def test_unchanged_files_are_hard_links_and_changed_ones_are_copies(bk, source, tmp_path, trees):
    first = bk.backup(source, tmp_path / "dest")
    trees.write(source, {"notes.txt": b"remember the bread\n", "new.txt": b"hello"}, mtime_ns=None)
    second = bk.backup(source, tmp_path / "dest")
    assert (second.new, second.changed, second.unchanged) == (1, 1, 3)
    assert second.bytes_copied == len(b"remember the bread\n") + len(b"hello")

    def inode(report, rel):
        return (report.path / "files" / rel).stat().st_ino

    assert inode(first, "docs/report final.txt") == inode(second, "docs/report final.txt")
    assert inode(first, "notes.txt") != inode(second, "notes.txt")
    assert (first.path / "files/notes.txt").read_bytes() == b"remember the milk\n"


def test_a_touched_file_with_the_same_content_is_linked_after_hashing(bk, source, tmp_path, trees):
    first = bk.backup(source, tmp_path / "dest")
    os.utime(source / "notes.txt", ns=(trees.OLD + 10**9, trees.OLD + 10**9))
    second = bk.backup(source, tmp_path / "dest")
    assert second.unchanged == 4
    assert second.bytes_copied == 0
    stored = [r.path / "files" / "notes.txt" for r in (first, second)]
    assert stored[0].stat().st_ino == stored[1].stat().st_ino
    assert manifest_of(second.path).by_path()["notes.txt"].mtime_ns == trees.OLD + 10**9


def test_a_racy_file_is_hashed_even_when_size_and_mtime_match(bk, tmp_path, trees):
    """Same size, same mtime, different bytes: caught because the mtime was too recent."""
    source = tmp_path / "source"
    trees.write(source, {"a.txt": b"AAAA"}, mtime_ns=None)
    mtime = (source / "a.txt").stat().st_mtime_ns
    bk.backup(source, tmp_path / "dest")
    (source / "a.txt").write_bytes(b"BBBB")
    os.utime(source / "a.txt", ns=(mtime, mtime))
    second = bk.backup(source, tmp_path / "dest")
    assert second.changed == 1
    assert (second.path / "files/a.txt").read_bytes() == b"BBBB"


def test_excludes_match_names_anywhere_or_whole_paths(bk, source, tmp_path, trees):
    trees.write(
        source, {"a.tmp": b"x", "docs/b.tmp": b"y", "build/out.o": b"z", "cache/keep": b"k"}
    )
    report = bk.backup(source, tmp_path / "dest", exclude=["*.tmp", "build", "cache/*"])
    stored = set(trees.read(report.path / "files"))
    assert not {"a.tmp", "docs/b.tmp", "build", "build/out.o", "cache/keep"} & stored
    assert {"cache", "notes.txt", "docs/report final.txt"} <= stored
    assert report.excluded == 4


@pytest.mark.parametrize(
    ("path", "patterns", "expected"),
    [
        ("a/b/c.tmp", ["*.tmp"], True),
        ("a/node_modules", ["node_modules"], True),
        ("a/node_modules/x.js", ["a/node_modules"], False),  # the folder itself is excluded first
        ("a/b.txt", ["b"], False),
        ("src/build/x", ["build/*"], False),  # a pattern with '/' matches from the top
        ("build/x", ["build/*"], True),
    ],
)
def test_is_excluded(bk, path, patterns, expected):
    assert bk.is_excluded(path, patterns) is expected


def test_dry_run_writes_nothing_and_counts_what_it_would_do(bk, source, tmp_path, trees):
    dest = tmp_path / "dest"
    report = bk.backup(source, dest, dry_run=True)
    assert report.path is None
    assert report.new == 4
    assert not dest.exists()
    bk.backup(source, dest)
    before = trees.read(dest)
    trees.write(source, {"notes.txt": b"changed!"}, mtime_ns=None)
    report = bk.backup(source, dest, dry_run=True)
    assert (report.new, report.changed, report.unchanged) == (0, 1, 3)
    assert trees.read(dest) == before


def test_the_source_is_never_modified(bk, source, tmp_path, trees):
    def metadata(root):
        return {
            p: (s.st_mode, s.st_size, s.st_mtime_ns, s.st_ino, s.st_nlink, s.st_atime_ns)
            for p, s in ((p, p.lstat()) for p in [root, *root.rglob("*")])
        }

    before = metadata(source)  # taken before anything reads the files
    first = bk.backup(source, tmp_path / "dest")
    bk.backup(source, tmp_path / "dest")
    assert bk.verify(first.path).ok
    bk.restore(first.path, tmp_path / "restored")
    assert metadata(source) == before  # even access times (O_NOATIME) and link counts
    assert trees.read(source) == trees.read(tmp_path / "restored")


def test_symlinks_are_stored_as_links_and_never_followed(bk, tmp_path, trees):
    outside = tmp_path / "outside"
    trees.write(outside, {"secret.txt": b"not part of the source"})
    source = tmp_path / "source"
    trees.write(source, {"real.txt": b"inside"})
    os.symlink(outside, source / "dir-link")
    os.symlink(outside / "secret.txt", source / "file-link")
    os.symlink("real.txt", source / "relative-link")
    os.symlink("missing", source / "dangling")
    report = bk.backup(source, tmp_path / "dest")
    stored = trees.read(report.path / "files")
    assert stored["dir-link"] == ("symlink", 0, str(outside))
    assert stored["relative-link"] == ("symlink", 0, "real.txt")
    assert stored["dangling"] == ("symlink", 0, "missing")
    assert not any(b"not part" in v[2] for v in stored.values() if v[0] == "file")
    bk.restore(report.path, tmp_path / "restored")
    assert trees.read(tmp_path / "restored") == trees.read(source)


def test_unicode_spaces_empty_folders_and_undecodable_names_round_trip(bk, source, tmp_path, trees):
    weird = os.fsdecode(b"latin1-\xe9t\xe9.txt")  # not UTF-8: Python keeps it as surrogates
    (source / weird).write_bytes(b"bytes name")
    (source / "deep/er/empty").mkdir(parents=True)
    report = bk.backup(source, tmp_path / "dest")
    assert bk.verify(report.path).ok
    bk.restore(report.path, tmp_path / "restored")
    assert trees.read(tmp_path / "restored") == trees.read(source)
    assert os.path.exists(os.fsencode(tmp_path / "restored") + b"/latin1-\xe9t\xe9.txt")


def test_sockets_and_fifos_are_skipped_not_opened(bk, source, tmp_path, trees):
    os.mkfifo(source / "pipe")
    report = bk.backup(source, tmp_path / "dest")
    assert report.skipped == ["pipe"]
    assert not report.problems
    assert "pipe" not in trees.read(report.path / "files")


def test_an_unreadable_file_is_reported_and_the_run_goes_on(
    bk, source, tmp_path, monkeypatch, trees
):
    """In process: the source open fails the way a permission error does (works as root)."""
    from level0.backup import snapshot

    real_open = snapshot._open_source

    def refuse(path):
        if path.endswith("/notes.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path)

    monkeypatch.setattr(snapshot, "_open_source", refuse)
    report = bk.backup(source, tmp_path / "dest")
    assert report.problems == ["cannot read notes.txt: Permission denied"]
    stored = trees.read(report.path / "files")
    assert "notes.txt" not in stored
    assert "docs/report final.txt" in stored
    assert manifest_of(report.path).problems == report.problems
    assert bk.verify(report.path).ok


def test_destination_inside_source_is_refused(bk, source):
    with pytest.raises(bk.InvalidRequest, match="inside the source"):
        bk.backup(source, source / "backups")
    assert not (source / "backups").exists()


def test_missing_source_and_a_file_as_source_are_clear_errors(bk, source, tmp_path):
    with pytest.raises(bk.BackupError, match="does not exist"):
        bk.backup(tmp_path / "nope", tmp_path / "dest")
    with pytest.raises(bk.BackupError, match="not a directory"):
        bk.backup(source / "notes.txt", tmp_path / "dest")


def test_a_second_backup_into_a_locked_destination_fails_at_once(bk, source, tmp_path):
    dest = tmp_path / "dest"
    dest.mkdir()
    with filelock.FileLock(dest / ".lock"), pytest.raises(bk.BackupError, match="another backup"):
        bk.backup(source, dest)


def test_stored_files_are_read_only(bk, source, tmp_path):
    report = bk.backup(source, tmp_path / "dest")
    mode = stat.S_IMODE((report.path / "files/notes.txt").stat().st_mode)
    assert mode & 0o222 == 0


@pytest.mark.skipif(
    sys.platform != "linux", reason="drops Linux capabilities to act as a plain user"
)
def test_a_really_unreadable_file_and_folder_are_reported(tmp_path, trees):
    """A real permission error, end to end, even when the tests run as root.

    Root reads anything because of two capabilities (CAP_DAC_OVERRIDE and
    CAP_DAC_READ_SEARCH). The backup runs in a child process whose capability
    bounding set drops them, so mode 000 stops it as it would stop a plain user.
    """
    import ctypes
    import subprocess

    source = tmp_path / "source"
    trees.write(source, {"ok.txt": b"fine", "secret.txt": b"hidden", "locked/inner.txt": b"x"})
    (source / "secret.txt").chmod(0)
    (source / "locked").chmod(0)

    def drop_root_file_powers():
        libc = ctypes.CDLL(None, use_errno=True)
        for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
            if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")

    try:
        result = subprocess.run(
            [sys.executable, "-m", "level0.backup", "backup", str(source), str(tmp_path / "dest")],
            capture_output=True,
            text=True,
            timeout=60,
            preexec_fn=drop_root_file_powers if os.geteuid() == 0 else None,
        )
    except subprocess.SubprocessError as exc:
        pytest.skip(f"cannot drop root's file capabilities here: {exc}")
    finally:
        (source / "secret.txt").chmod(0o644)
        (source / "locked").chmod(0o755)
    assert result.returncode == 1
    assert "warning: cannot read secret.txt: Permission denied" in result.stderr
    assert "warning: cannot list locked: Permission denied" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("error: 2 path(s) could not be")
    (snapshot,) = (tmp_path / "dest").glob("2*")
    assert (snapshot / "files/ok.txt").read_bytes() == b"fine"
    assert not (snapshot / "files/secret.txt").exists()


def test_a_full_destination_aborts_the_run_and_leaves_no_snapshot(
    bk, source, tmp_path, monkeypatch, trees
):
    """Source errors are skipped and reported; destination errors must stop the run."""
    import errno

    from level0.backup import snapshot

    dest = tmp_path / "dest"
    first = bk.backup(source, dest)
    trees.write(source, {"notes.txt": b"new content"}, mtime_ns=None)

    def disk_full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(snapshot, "_write_all", disk_full)
    with pytest.raises(bk.BackupError, match="No space left on device; no snapshot was made"):
        bk.backup(source, dest)
    assert [s.name for s in bk.list_snapshots(dest)] == [first.name]
    assert not list(dest.glob(".partial-*"))

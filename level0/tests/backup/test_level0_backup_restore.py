"""restore, verify and list: reading snapshots back, and refusing what cannot be trusted."""

from __future__ import annotations

import json
import os

import pytest

from level0.backup.manifest import Entry, ManifestError, check_entries


@pytest.fixture
def snapshot(bk, source, tmp_path):
    (source / "notes.txt").chmod(0o600)
    (source / "docs").chmod(0o750)
    return bk.backup(source, tmp_path / "dest").path


def test_restore_recreates_bytes_paths_modes_and_mtimes(bk, source, snapshot, tmp_path, trees):
    target = tmp_path / "restored"
    bk.restore(snapshot, target)
    assert trees.read(target) == trees.read(source)
    for rel in ["notes.txt", "docs/report final.txt", "photos/2024/日本.jpg"]:
        assert (target / rel).stat().st_mtime_ns == (source / rel).stat().st_mtime_ns
    assert not list(tmp_path.glob(".restored.restore-*"))  # the build folder was renamed


def test_restore_into_an_empty_folder_works_and_a_full_one_is_refused(bk, snapshot, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    bk.restore(snapshot, empty)
    assert (empty / "notes.txt").exists()
    with pytest.raises(bk.BackupError, match="not empty"):
        bk.restore(snapshot, empty)
    lone_file = tmp_path / "file.txt"
    lone_file.write_text("keep me")
    with pytest.raises(bk.BackupError, match="refusing"):
        bk.restore(snapshot, lone_file)
    assert lone_file.read_text() == "keep me"


def test_verify_passes_on_a_fresh_snapshot(bk, snapshot):
    report = bk.verify(snapshot)
    assert report.ok
    assert report.files == 4


def damage(snapshot, how):
    files = snapshot / "files"
    stored = files / "docs/report final.txt"
    if how == "flipped byte":
        data = bytearray(stored.read_bytes())
        data[10] ^= 0xFF
        stored.chmod(0o644)
        stored.write_bytes(bytes(data))
    elif how == "truncated":
        stored.chmod(0o644)
        stored.write_bytes(b"short")
    elif how == "deleted":
        stored.unlink()
    elif how == "extra file":
        (files / "docs/sneaky.txt").write_text("not in the manifest")
    return "sneaky.txt" if how == "extra file" else "report final.txt"


@pytest.mark.parametrize("how", ["flipped byte", "truncated", "deleted", "extra file"])
def test_verify_finds_every_kind_of_damage(bk, snapshot, how):
    name = damage(snapshot, how)
    report = bk.verify(snapshot)
    assert not report.ok
    assert len(report.problems) == 1
    assert name in report.problems[0]


def test_restore_of_a_damaged_snapshot_fails_and_leaves_no_target(bk, snapshot, tmp_path):
    damage(snapshot, "flipped byte")
    target = tmp_path / "restored"
    with pytest.raises(bk.BackupError, match=r"snapshot damaged: docs/report final\.txt"):
        bk.restore(snapshot, target)
    assert not target.exists()
    assert not list(tmp_path.glob(".restored.restore-*"))


def test_a_folder_that_is_not_a_snapshot_is_refused_clearly(bk, tmp_path):
    (tmp_path / "plain").mkdir()
    with pytest.raises(bk.BackupError, match="not a usable snapshot"):
        bk.verify(tmp_path / "plain")
    with pytest.raises(bk.BackupError, match="does not exist"):
        bk.restore(tmp_path / "missing", tmp_path / "out")


@pytest.mark.parametrize(
    "paths",
    [
        ["../escape"],
        ["/etc/passwd"],
        ["a/../b"],
        ["./a"],
        ["a//b"],
        ["a", "a"],
        ["a/b"],  # its folder 'a' is not listed first
    ],
)
def test_manifests_with_unsafe_or_inconsistent_paths_are_rejected(paths):
    entries = [Entry(p, "file", 0o644, 0) for p in paths]
    with pytest.raises(ManifestError):
        check_entries(entries)


def test_a_manifest_edited_to_escape_the_target_is_refused_before_writing(bk, snapshot, tmp_path):
    manifest = snapshot / "manifest.json"
    document = json.loads(manifest.read_text())
    document["entries"][0]["path"] = "../../outside.txt"
    manifest.write_text(json.dumps(document))
    with pytest.raises(bk.BackupError, match="unsafe path"):
        bk.restore(snapshot, tmp_path / "restored")
    assert not (tmp_path / "outside.txt").exists()


def test_list_shows_only_complete_snapshots_oldest_first(bk, source, tmp_path):
    dest = tmp_path / "dest"
    first = bk.backup(source, dest)
    second = bk.backup(source, dest)
    (dest / ".partial-2030-01-01T000000.000000Z" / "files").mkdir(parents=True)
    (dest / "2031-01-01T000000.000000Z").mkdir()  # a final-looking name with no manifest
    (dest / "my notes").mkdir()
    warnings = []
    listed = bk.list_snapshots(dest, warnings)
    assert [s.name for s in listed] == [first.name, second.name]
    assert len(warnings) == 1
    assert "2031-01-01T000000.000000Z" in warnings[0]


def test_a_new_backup_clears_leftovers_of_killed_runs(bk, source, tmp_path):
    dest = tmp_path / "dest"
    bk.backup(source, dest)
    leftover = dest / ".partial-2020-01-01T000000.000000Z" / "files"
    leftover.mkdir(parents=True)
    (leftover / "half.bin").write_bytes(os.urandom(100))
    bk.backup(source, dest)
    assert not leftover.parent.exists()

"""Crash safety: SIGKILL backups at random points; every listed snapshot must still be whole."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL")

FILES = 60


def start_backup(source, dest):
    return subprocess.Popen(
        [sys.executable, "-m", "level0.backup", "backup", str(source), str(dest)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def kill_at(process, dest, before, stored):
    """SIGKILL ``process`` once its new partial snapshot holds ``stored`` files.

    The kill point is a point of progress, not of time, so it stays random but
    lands inside the run however busy the machine is. ``stored = FILES + 1``
    means "the manifest is written, the rename is next". Returns True if the
    process died mid-run (False if it finished first).
    """
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        partials = [p for p in dest.glob(".partial-*") if p.name not in before]
        if partials and sum(len(f) for _, _, f in os.walk(partials[0])) >= stored:
            break
        time.sleep(0.002)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    return process.returncode == -signal.SIGKILL


def test_killed_backups_leave_earlier_snapshots_whole_and_no_half_one(tmp_path, trees):
    rng = random.Random(20240611)
    source, dest = tmp_path / "source", tmp_path / "dest"
    names = [f"folder {i % 5}/file-{i}.bin" for i in range(FILES)]
    trees.write(source, {n: rng.randbytes(rng.randint(5_000, 60_000)) for n in names})
    expected = {}  # version.txt -> the source tree as it was

    def new_version(version):
        for name in rng.sample(names, 20):
            (source / name).write_bytes(rng.randbytes(rng.randint(5_000, 60_000)))
        (source / "version.txt").write_text(str(version))
        expected[version] = trees.read(source)

    new_version(0)
    assert start_backup(source, dest).wait(timeout=120) == 0

    killed_mid_run, version = 0, 0
    while killed_mid_run < 4 and version < 12:
        version += 1
        new_version(version)
        before = {p.name for p in dest.iterdir()}
        killed_mid_run += kill_at(
            start_backup(source, dest), dest, before, rng.randint(0, FILES + 1)
        )
    assert killed_mid_run == 4, "too few kills landed inside a run"

    listed = subprocess.run(
        [sys.executable, "-m", "level0.backup", "list", str(dest), "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    snapshots = json.loads(listed.stdout)
    assert "unfinished snapshot" in listed.stderr or not list(dest.glob(".partial-*"))
    from level0.backup import restore, verify

    seen = set()
    for row in snapshots:
        report = verify(row["path"])
        assert report.ok, report.problems
        target = tmp_path / "restored" / row["snapshot"]
        restore(row["path"], target)
        restored_version = int((target / "version.txt").read_text())
        assert trees.read(target) == expected[restored_version]
        seen.add(restored_version)
    assert 0 in seen  # the first snapshot survived every later kill
    assert len(seen) == len(snapshots)

    # The next run clears what the killed ones left behind.
    assert start_backup(source, dest).wait(timeout=120) == 0
    assert [p.name for p in dest.iterdir() if p.name.startswith(".")] == [".lock"]

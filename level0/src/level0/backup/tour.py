"""The tour: a small source tree under ``out``, two snapshots, verify, restore, compare."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

from level0.backup.restore import restore, verify
from level0.backup.snapshot import backup
from level0.tour import TourResult


def _same_tree(left: Path, right: Path) -> bool:
    """True if both trees hold the same names and the same bytes (an oracle from the stdlib)."""
    compared = filecmp.dircmp(left, right)
    if compared.left_only or compared.right_only or compared.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(left, right, compared.common_files, shallow=False)
    return (
        not mismatch
        and not errors
        and all(_same_tree(left / name, right / name) for name in compared.common_dirs)
    )


def run(out: Path) -> TourResult:
    source, dest, restored = out / "source", out / "backups", out / "restored"
    for folder in (source, dest, restored):
        shutil.rmtree(folder, ignore_errors=True)
    files = {
        "notes.txt": "remember the milk\n",
        "projects/report final.md": "# Q3 report\n" + "figures, " * 500,
        "projects/data/measurements.csv": "t,value\n"
        + "".join(f"{i},{i * i}\n" for i in range(2000)),
        "photos/été 2024/plage ☀.txt": "a synthetic stand-in for a photo\n" * 100,
    }
    for name, text in files.items():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_text(text, encoding="utf-8")
    (source / "empty folder").mkdir()

    first = backup(source, dest, progress=False)
    (source / "notes.txt").write_text("remember the milk and the bread\n", encoding="utf-8")
    (source / "projects/todo.txt").write_text("finish the tour\n", encoding="utf-8")
    second = backup(source, dest, progress=False)
    assert first.path is not None
    assert second.path is not None
    checks = [verify(first.path), verify(second.path)]
    restore(second.path, restored)
    identical = _same_tree(source, restored)
    for report in (first, second):
        print(
            f"{report.name}: {report.files} files, {report.new} new, {report.changed} changed, "
            f"{report.unchanged} hard-linked, {report.bytes_copied} bytes copied"
        )
    print(
        f"verify: {'ok' if all(c.ok for c in checks) else 'FAILED'}; restore identical: {identical}"
    )
    if not identical or not all(c.ok for c in checks):
        raise RuntimeError("the restored tree differs from the source")
    return TourResult(
        data="synthetic",
        key_result=(
            f"2 snapshots; 2nd copied {second.bytes_copied} B, linked {second.unchanged} files; "
            "verify ok, restore identical"
        ),
        files=[first.path / "manifest.json", second.path / "manifest.json", restored],
    )

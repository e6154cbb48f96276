"""Property: backup, modify, backup; every snapshot restores exactly the tree it was taken of."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

OLD = 1_600_000_000_000_000_000

names = st.text(alphabet=st.sampled_from("abcXYZ019 -_.éß日本✓"), min_size=1, max_size=6).filter(
    lambda n: n not in {".", ".."}
)
file_specs = st.fixed_dictionaries(
    {
        "data": st.binary(max_size=300),
        "mode": st.sampled_from([0o644, 0o600, 0o755, 0o400]),
        "old_mtime": st.booleans(),  # old: unchanged files are linked by size+mtime alone
    }
)
trees = st.dictionaries(st.lists(names, min_size=1, max_size=3).map(tuple), file_specs, max_size=10)
edits = st.lists(
    st.tuples(
        st.sampled_from(["keep", "rewrite", "delete", "chmod"]),
        st.binary(max_size=300),
        st.sampled_from([0o644, 0o600, 0o700]),
    ),
    min_size=12,
    max_size=12,
)


def build(root: Path, tree: dict) -> None:
    """Write ``tree``; a path that is also some other file's folder becomes that folder."""
    folders = {parts[:i] for parts in tree for i in range(1, len(parts))}
    root.mkdir(exist_ok=True)
    for parts, spec in sorted(tree.items()):
        if parts in folders:
            continue
        path = root.joinpath(*parts)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(spec["data"])
        path.chmod(spec["mode"])
        if spec["old_mtime"]:
            os.utime(path, ns=(OLD, OLD))
    (root / "empty dir").mkdir(exist_ok=True)
    if folders:
        root.joinpath(*min(folders)).chmod(0o750)


def modify(root: Path, edits: list, new_files: dict) -> None:
    files = sorted(p for p in root.rglob("*") if p.is_file())
    for path, (action, data, mode) in zip(files, edits, strict=False):
        if action == "rewrite":
            path.chmod(0o600)
            path.write_bytes(data)
            path.chmod(mode)
        elif action == "delete":
            path.unlink()
        elif action == "chmod":
            path.chmod(mode)
    build(root / "added", new_files)


def state(root: Path, trees_helper) -> dict:
    """Paths, kinds, modes and bytes, plus each file's mtime."""
    tree = trees_helper.read(root)
    mtimes = {rel: (root / rel).lstat().st_mtime_ns for rel, v in tree.items() if v[0] == "file"}
    return {"tree": tree, "mtimes": mtimes}


@settings(max_examples=12, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=trees, edits=edits, added=trees)
def test_every_snapshot_restores_the_tree_it_was_taken_of(bk, trees, first, edits, added):
    with tempfile.TemporaryDirectory() as work:
        source, dest = Path(work, "source"), Path(work, "dest")
        build(source, first)
        one = bk.backup(source, dest)
        expected_one = state(source, trees)
        modify(source, edits, added)
        two = bk.backup(source, dest)
        expected_two = state(source, trees)
        for report, expected in ((one, expected_one), (two, expected_two)):
            assert bk.verify(report.path).ok
            target = Path(work, f"restored-{report.name}")
            bk.restore(report.path, target)
            assert state(target, trees) == expected

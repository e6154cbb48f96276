"""Fixtures shared by level 1's tests (pytest loads this file for every test below it)."""

from __future__ import annotations

import hashlib
import io
import json
import pickle
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

UNREADABLE_KINDS = ("pickle", "corrupt zip", "truncated", "empty", "zip without schema")


def _unreadable_bytes(good: bytes, kind: str) -> bytes:
    """Bytes that are not a skops archive, made from a real model file ``good``."""
    if kind == "zip without schema":
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w") as handle:
            handle.writestr("hello.txt", "not a model")
        return archive.getvalue()
    return {
        "pickle": pickle.dumps({"not": "a model"}),
        "corrupt zip": good[:30] + bytes(200) + good[230:],
        "truncated": good[: len(good) // 2],
        "empty": b"",
    }[kind]


@pytest.fixture
def unreadable_model(tmp_path: Path) -> Callable[[Path, str], Path]:
    """``unreadable_model(model_dir, kind)``: a copy of a model folder whose model.skops is
    not a skops archive (see UNREADABLE_KINDS), with metadata.json's sha256 updated to match,
    so only the reading of the file itself can refuse it (issue 10, item 4)."""

    def make(model_dir: Path, kind: str) -> Path:
        copy = tmp_path / f"unreadable-{kind.replace(' ', '-')}"
        shutil.copytree(model_dir, copy)
        data = _unreadable_bytes((model_dir / "model.skops").read_bytes(), kind)
        (copy / "model.skops").write_bytes(data)
        meta = json.loads((copy / "metadata.json").read_text())
        meta["model_sha256"] = hashlib.sha256(data).hexdigest()
        (copy / "metadata.json").write_text(json.dumps(meta))
        return copy

    return make

"""pooch drives the downloader through its ``downloader=`` hook, with pooch's own hash check."""

from __future__ import annotations

import hashlib
import io
import random
from pathlib import Path

import pooch
import pytest

from level4.downloader.pooch_hook import SegmentedDownloader
from level4.downloader.server import Faults, LocalServer

DATA = random.Random(3).randbytes(200_000)
SHA = hashlib.sha256(DATA).hexdigest()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("served")
    (root / "data.bin").write_bytes(DATA)
    with LocalServer(root, Faults(schedule=["503", "reset"])) as running:
        yield running


def hook() -> SegmentedDownloader:
    return SegmentedDownloader(threads=4, segments=4, min_segment=16_384, backoff=0.001)


def test_pooch_retrieve_with_a_known_hash(server, tmp_path):
    path = pooch.retrieve(
        server.url("data.bin"),
        known_hash=f"sha256:{SHA}",
        path=tmp_path,
        fname="data.bin",
        downloader=hook(),
    )
    assert Path(path).read_bytes() == DATA
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.bin"]


def test_pooch_refuses_bytes_with_another_hash(server, tmp_path):
    with pytest.raises(ValueError, match="hash"):
        pooch.retrieve(
            server.url("data.bin"),
            known_hash="sha256:" + "0" * 64,
            path=tmp_path,
            fname="x.bin",
            downloader=hook(),
        )
    assert list(tmp_path.iterdir()) == []


def test_a_registry_checks_availability_and_fetches(server, tmp_path):
    registry = pooch.create(
        path=tmp_path,
        base_url=server.base_url + "/",
        registry={"data.bin": f"sha256:{SHA}", "gone.bin": None},
    )
    assert registry.is_available("data.bin", downloader=hook())
    assert not registry.is_available("gone.bin", downloader=hook())
    assert Path(registry.fetch("data.bin", downloader=hook())).read_bytes() == DATA


def test_an_open_file_as_output(server):
    sink = io.BytesIO()
    hook()(server.url("data.bin"), sink, None)
    assert sink.getvalue() == DATA

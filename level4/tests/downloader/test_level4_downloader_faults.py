"""Downloads against the real local server, with faults: the bytes always come out identical."""

from __future__ import annotations

import hashlib
import random

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from level4.downloader.engine import Downloader, Options, Target, download
from level4.downloader.server import Faults, LocalServer
from level4.downloader.state import FileState, Segment

SIZE = 300_000
DATA = random.Random(11).randbytes(SIZE)
FAST = {"backoff": 0.001, "max_backoff": 0.01, "retries": 12, "timeout": 5.0}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("served")
    (root / "data.bin").write_bytes(DATA)
    (root / "empty.bin").write_bytes(b"")
    for i in range(12):
        (root / f"small{i}.bin").write_bytes(bytes([i]) * (1000 + i))
    with LocalServer(root) as running:
        yield running


def use(server, **faults):
    server.set_faults(Faults(**faults))
    server.reset_stats()


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    schedule=st.lists(st.sampled_from(["ok", "503", "429", "drop", "short", "reset"]), max_size=10),
    threads=st.integers(1, 6),
    segments=st.integers(1, 8),
    ranges=st.booleans(),
    length=st.booleans(),
)
def test_bytes_are_identical_under_any_fault_schedule(
    server, tmp_path_factory, schedule, threads, segments, ranges, length
):
    if not length:  # without a length a dropped connection looks like the end of the file
        schedule = [f for f in schedule if f not in ("drop", "short")]
    use(server, schedule=schedule, ranges=ranges, length=length)
    out = tmp_path_factory.mktemp("out")
    options = Options(threads=threads, segments=segments, min_segment=16_384, **FAST)
    result = download(
        [server.url("data.bin")], out, options, sha256=hashlib.sha256(DATA).hexdigest()
    )
    (outcome,) = result.files
    assert outcome.status == "done", outcome.message
    assert (out / "data.bin").read_bytes() == DATA
    assert sorted(p.name for p in out.iterdir()) == ["data.bin"]  # no .part, no state left
    expected_segments = min(segments, SIZE // 16_384) if ranges and length else 1
    assert outcome.segments == expected_segments
    faults_met = sum(server.stats.snapshot()["faults"].values())  # type: ignore[union-attr]
    assert result.summary.retries <= faults_met


def test_a_server_that_ignores_range_gets_one_stream(server, tmp_path):
    use(server, ranges=False)
    result = download([server.url("data.bin")], tmp_path, Options(segments=8, min_segment=1024))
    assert result.files[0].segments == 1
    assert server.stats.snapshot()["statuses"] == {200: 1}
    assert (tmp_path / "data.bin").read_bytes() == DATA


def test_no_length_means_one_stream_to_the_end(server, tmp_path):
    use(server, length=False, schedule=["503"])
    result = download([server.url("data.bin")], tmp_path, Options(min_segment=1024, **FAST))
    assert result.files[0].total == SIZE
    assert (tmp_path / "data.bin").read_bytes() == DATA


def test_a_stalled_server_times_out_and_is_retried(server, tmp_path):
    use(server, schedule=["stall"], stall=1.5)
    options = Options(min_segment=1024, **{**FAST, "timeout": 0.3})
    result = download([server.url("data.bin")], tmp_path, options)
    assert result.files[0].status == "done"
    assert result.summary.retries >= 1
    assert (tmp_path / "data.bin").read_bytes() == DATA


def test_an_empty_file_and_many_small_ones(server, tmp_path):
    use(server)
    urls = [server.url("empty.bin")] + [server.url(f"small{i}.bin") for i in range(12)]
    result = download(urls, tmp_path, Options(threads=4))
    assert [f.status for f in result.files] == ["done"] * 13
    assert (tmp_path / "empty.bin").read_bytes() == b""
    assert all(
        (tmp_path / f"small{i}.bin").read_bytes() == bytes([i]) * (1000 + i) for i in range(12)
    )
    assert server.stats.snapshot()["requests"] == 13  # one request per small file


def test_a_sha256_mismatch_leaves_no_file(server, tmp_path):
    use(server)
    result = download(
        [server.url("data.bin")], tmp_path, Options(min_segment=16_384), sha256="0" * 64
    )
    (outcome,) = result.files
    assert outcome.status == "failed"
    assert "sha256 mismatch" in outcome.message
    assert "\n" not in outcome.message
    assert list(tmp_path.iterdir()) == []


def test_404_fails_at_once_and_writes_nothing(server, tmp_path):
    use(server)
    result = download([server.url("nope.bin")], tmp_path / "out", Options(**FAST))
    assert result.files[0].status == "failed"
    assert "HTTP 404" in result.files[0].message
    assert server.stats.snapshot()["requests"] == 1
    assert not (tmp_path / "out").exists()


def test_retry_after_is_read_from_the_answer(server, tmp_path):
    """A Retry-After longer than the client will wait ends the download instead of a blind retry."""
    use(server, schedule=["503"], retry_after=3600)
    result = download([server.url("data.bin")], tmp_path, Options(**FAST))
    assert result.files[0].status == "failed"
    assert "HTTP 503" in result.files[0].message
    assert server.stats.snapshot()["requests"] == 1


def test_retries_give_up_after_the_budget(server, tmp_path):
    use(server, schedule=["503"] * 4)
    options = Options(**{**FAST, "retries": 2})
    result = download([server.url("data.bin")], tmp_path, options)
    assert result.files[0].status == "failed"
    assert "gave up after 3 retries" in result.files[0].message
    assert server.stats.snapshot()["requests"] == 3


def test_the_per_host_limit_bounds_concurrent_transfers(server, tmp_path):
    use(server, latency=0.05)
    urls = [server.url(f"small{i}.bin") for i in range(12)]
    result = download(urls, tmp_path, Options(threads=8, per_host=2))
    assert result.summary.done == 12
    assert server.stats.snapshot()["max_in_flight"] == 2


def test_a_file_already_there_is_kept_unless_forced(server, tmp_path):
    use(server)
    (tmp_path / "data.bin").write_bytes(b"mine")
    result = download([server.url("data.bin")], tmp_path)
    assert result.files[0].status == "skipped"
    assert (tmp_path / "data.bin").read_bytes() == b"mine"
    result = download([server.url("data.bin")], tmp_path, Options(force=True))
    assert result.files[0].status == "done"
    assert (tmp_path / "data.bin").read_bytes() == DATA


def test_a_changed_file_is_not_stitched_onto_an_old_partial(server, tmp_path):
    """A state file from another version of the file (another total) is discarded, not resumed."""
    use(server)
    target = Target(server.url("data.bin"), tmp_path / "data.bin")
    (tmp_path / "data.bin.part").write_bytes(b"x" * (SIZE + 5))
    stale = FileState(target.url, SIZE + 5, None, [Segment(0, 0, SIZE + 5, 100)])
    stale.save(tmp_path / "data.bin.part.json")
    result = Downloader(Options(min_segment=16_384)).run([target])
    assert result.files[0].status == "failed"
    assert "changed on the server" in result.files[0].message
    assert list(tmp_path.iterdir()) == []
    result = Downloader(Options(min_segment=16_384)).run([target])
    assert (tmp_path / "data.bin").read_bytes() == DATA


def test_the_server_answers_ranges_like_rfc_9110(server):
    use(server)
    url = server.url("data.bin")
    part = requests.get(url, headers={"Range": "bytes=10-19"}, timeout=5)
    assert (part.status_code, part.content) == (206, DATA[10:20])
    assert part.headers["Content-Range"] == f"bytes 10-19/{SIZE}"
    tail = requests.get(url, headers={"Range": "bytes=-5"}, timeout=5)
    assert (tail.status_code, tail.content) == (206, DATA[-5:])
    beyond = requests.get(url, headers={"Range": f"bytes={SIZE}-"}, timeout=5)
    assert (beyond.status_code, beyond.headers["Content-Range"]) == (416, f"bytes */{SIZE}")
    several = requests.get(url, headers={"Range": "bytes=0-1,5-6"}, timeout=5)
    assert (several.status_code, several.content) == (200, DATA)
    head = requests.head(url, timeout=5)
    assert (head.status_code, head.headers["Content-Length"]) == (200, str(SIZE))
    assert requests.get(server.url("../etc/passwd"), timeout=5).status_code == 404


def test_a_single_stream_takes_the_length_of_each_new_answer(server, tmp_path):
    """The first answer declares 100 bytes too many; the retry's answer is right. This used
    to loop for ever: every restart read the whole file, fell 100 bytes short of the old
    length, and counted as progress (found by hypothesis with seed 2)."""
    use(server, schedule=["short"], ranges=False)
    result = download([server.url("data.bin")], tmp_path, Options(**FAST))
    assert result.files[0].status == "done", result.files[0].message
    assert (tmp_path / "data.bin").read_bytes() == DATA


def test_a_single_stream_that_always_breaks_off_gives_up(server, tmp_path):
    use(server, schedule=["drop"] * 40, ranges=False)
    result = download([server.url("data.bin")], tmp_path, Options(**FAST))
    (outcome,) = result.files
    assert outcome.status == "failed"
    assert "gave up after" in outcome.message
    assert not (tmp_path / "data.bin").exists()

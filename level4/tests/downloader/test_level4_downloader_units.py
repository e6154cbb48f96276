"""Segment plans, the resume file, backoff and Retry-After: the pure parts, as properties."""

from __future__ import annotations

import email.utils
import itertools
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from level4.downloader.__main__ import FAULTS as CLI_FAULTS
from level4.downloader.engine import target_name
from level4.downloader.retry import RetryPolicy, parse_retry_after
from level4.downloader.server import FAULTS
from level4.downloader.state import FileState, Segment, plan_segments


@given(
    total=st.integers(0, 10**10),
    segments=st.integers(1, 64),
    min_segment=st.integers(1, 10**8),
)
def test_a_plan_tiles_the_file_in_order(total, segments, min_segment):
    plan = plan_segments(total, segments, min_segment)
    assert 1 <= len(plan) <= segments
    assert plan[0].start == 0
    assert plan[-1].end == total
    assert all(a.end == b.start for a, b in itertools.pairwise(plan))
    assert [s.index for s in plan] == list(range(len(plan)))
    if len(plan) > 1:
        assert min(s.size for s in plan) >= min_segment
        assert max(s.size for s in plan) - min(s.size for s in plan) <= 1


@given(
    total=st.integers(1, 10**9),
    segments=st.integers(1, 16),
    fractions=st.lists(st.floats(0, 1), min_size=16, max_size=16),
)
def test_the_state_file_round_trips(tmp_path_factory, total, segments, fractions):
    plan = plan_segments(total, segments, 1)
    for segment, share in zip(plan, fractions, strict=False):
        segment.done = int(segment.size * share)
    state = FileState("http://127.0.0.1/x.bin", total, '"etag"', plan)
    path = tmp_path_factory.mktemp("state") / "x.bin.part.json"
    state.save(path)
    loaded = FileState.load(path)
    assert loaded == state
    assert loaded is not None
    assert loaded.done == sum(s.done for s in plan)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not json",
        '{"version": 99, "url": "u", "total": 10, "segments": [[0, 10, 0]]}',
        '{"version": 1, "url": "u", "total": 10, "segments": [[0, 4, 0], [5, 10, 0]]}',  # a gap
        '{"version": 1, "url": "u", "total": 10, "segments": [[0, 10, 11]]}',  # done > size
        '{"version": 1, "url": "u", "total": 10, "segments": []}',
    ],
)
def test_a_damaged_state_file_means_start_over(tmp_path, text):
    path = tmp_path / "x.part.json"
    path.write_text(text)
    assert FileState.load(path) is None


@given(
    failures=st.integers(1, 30),
    base=st.floats(0.001, 5),
    cap=st.floats(0.01, 60),
    seed=st.integers(0, 99),
)
def test_backoff_is_full_jitter_under_an_exponential_ceiling(failures, base, cap, seed):
    policy = RetryPolicy(retries=5, base=base, cap=cap)
    delay = policy.delay(failures, rng=random.Random(seed))
    assert 0 <= delay <= min(cap, base * 2 ** (failures - 1))


def test_jitter_spreads_threads_that_failed_together():
    policy = RetryPolicy(base=1.0, cap=60.0)
    delays = {round(policy.delay(4, rng=random.Random(seed)), 6) for seed in range(50)}
    assert len(delays) == 50


def test_retry_after_wins_and_too_long_a_wait_gives_up():
    policy = RetryPolicy(retries=3, max_retry_after=10)
    assert policy.delay(1, retry_after=7.5) == 7.5
    assert not policy.gives_up(3)
    assert policy.gives_up(4)
    assert policy.gives_up(1, retry_after=11)


def test_retry_after_as_seconds_or_an_http_date():
    assert parse_retry_after("3") == 3
    assert parse_retry_after(" 0 ") == 0
    now = 1_700_000_000.0
    date = email.utils.formatdate(now + 30, usegmt=True)
    assert parse_retry_after(date, now=now) == pytest.approx(30)
    assert parse_retry_after(email.utils.formatdate(now - 30, usegmt=True), now=now) == 0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_file_names_come_from_the_url():
    assert target_name("http://127.0.0.1:8000/data/big%20file.bin?x=1") == "big file.bin"
    for bad in ("http://127.0.0.1/", "http://127.0.0.1/a/..", "http://127.0.0.1/a%2Fb"):
        with pytest.raises(ValueError, match="file name"):
            target_name(bad)


def test_the_cli_knows_every_fault_the_server_does():
    assert set(CLI_FAULTS) == {"ok", *FAULTS}


def test_segment_arithmetic():
    segment = Segment(2, 100, 150, 20)
    assert (segment.size, segment.remaining, segment.finished) == (50, 30, False)

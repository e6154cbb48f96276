"""Retention: the selection rule against a pandas oracle, and prune on real snapshots."""

from __future__ import annotations

from datetime import datetime, timedelta

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

START = datetime(2025, 1, 1, 8, 0)


def oracle(times: dict[str, datetime], last: int, daily: int, weekly: int) -> set[str]:
    """The same policy, said differently: group by period, newest per group, newest groups."""
    table = pd.DataFrame({"name": list(times), "time": pd.to_datetime(list(times.values()))})
    table = table.sort_values(["time", "name"], ascending=False)
    keep = set(table["name"].head(last))
    table["day"] = table["time"].dt.date
    table["week"] = table["time"].map(lambda t: tuple(t.isocalendar())[:2])
    for period, count in (("day", daily), ("week", weekly)):
        newest = table.groupby(period, sort=False).head(1)  # rows are newest first
        keep |= set(newest["name"].head(count))
    return keep


def named(times):
    return {f"s{i:03d}": t for i, t in enumerate(times)}


snapshot_times = st.lists(
    st.integers(min_value=0, max_value=60 * 24 * 60).map(lambda m: START + timedelta(minutes=m)),
    max_size=40,
).map(named)
counts = st.integers(min_value=0, max_value=6)


@settings(max_examples=150)
@given(snapshot_times, counts, counts, counts)
def test_selection_agrees_with_a_pandas_oracle(bk, times, last, daily, weekly):
    policy = bk.Policy(last, daily, weekly)
    kept = bk.select_keep(times, policy)
    if policy.active:
        assert kept == oracle(times, last, daily, weekly)
        assert len(kept) <= last + daily + weekly
        if times:
            assert max(times, key=lambda n: (times[n], n)) in kept  # the newest always stays
    else:
        assert kept == set(times)


def test_one_per_day_keeps_the_newest_of_each_day():
    from level0.backup import Policy, select_keep

    times = named(
        [START, START + timedelta(hours=5), START + timedelta(days=1), START + timedelta(days=3)]
    )
    assert select_keep(times, Policy(daily=2)) == {"s003", "s002"}
    assert select_keep(times, Policy(daily=9)) == {"s003", "s002", "s001"}
    assert select_keep(times, Policy(last=1, weekly=1)) == {"s003"}


def test_negative_counts_are_rejected(bk):
    with pytest.raises(bk.InvalidRequest):
        bk.Policy(last=-1)


def test_prune_deletes_whole_snapshots_and_keeps_the_rest_verifiable(bk, source, tmp_path):
    dest = tmp_path / "dest"
    made = [bk.backup(source, dest, now=START + timedelta(days=d)) for d in range(5)]
    assert bk.prune(dest, bk.Policy(last=2), dry_run=True) == [r.name for r in made[:3]]
    assert len(bk.list_snapshots(dest)) == 5
    assert bk.prune(dest, bk.Policy(last=2)) == [r.name for r in made[:3]]
    remaining = bk.list_snapshots(dest)
    assert [s.name for s in remaining] == [r.name for r in made[3:]]
    assert all(bk.verify(s.path).ok for s in remaining)
    assert sorted(p.name for p in dest.iterdir()) == sorted([".lock", *(s.name for s in remaining)])


def test_backup_with_keep_prunes_after_the_new_snapshot(bk, source, tmp_path):
    dest = tmp_path / "dest"
    for day in range(3):
        report = bk.backup(source, dest, now=START + timedelta(days=day), keep=bk.Policy(last=2))
    assert len(report.pruned) == 1
    assert [s.name for s in bk.list_snapshots(dest)][-1] == report.name


def test_prune_without_any_rule_refuses_to_delete_everything(bk, source, tmp_path):
    bk.backup(source, tmp_path / "dest")
    with pytest.raises(bk.InvalidRequest, match="refusing"):
        bk.prune(tmp_path / "dest", bk.Policy())

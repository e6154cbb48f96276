"""Retention: which snapshots to keep (last N, one per day, one per week) and pruning the rest.

The selection is a pure function of the snapshots' times, in the style of borg
and restic: keep the ``last`` newest; then, going from newest to oldest, keep the
newest snapshot of each day until ``daily`` days are covered, and the same for
ISO weeks. A snapshot picked by several rules is kept once. Only days and weeks
that have a snapshot count, so a holiday does not use up the daily quota.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from level0.backup.manifest import shown
from level0.backup.repository import (
    DELETING,
    BackupError,
    InvalidRequest,
    destination_lock,
    fsync_directory,
    list_snapshots,
)

__all__ = ["Policy", "prune", "prune_locked", "select_keep"]


@dataclass(frozen=True)
class Policy:
    """How many snapshots to keep by each rule (0 switches a rule off)."""

    last: int = 0
    daily: int = 0
    weekly: int = 0

    def __post_init__(self) -> None:
        if min(self.last, self.daily, self.weekly) < 0:
            raise InvalidRequest(f"keep counts must be 0 or more, got {self}")

    @property
    def active(self) -> bool:
        return self.last + self.daily + self.weekly > 0


def _day(moment: datetime) -> Hashable:
    return moment.date()


def _week(moment: datetime) -> Hashable:
    iso = moment.isocalendar()
    return (iso.year, iso.week)


def select_keep(snapshots: Mapping[str, datetime], policy: Policy) -> set[str]:
    """Names of the snapshots that ``policy`` keeps (all of them if it is not active)."""
    if not policy.active:
        return set(snapshots)
    newest_first = sorted(snapshots, key=lambda name: (snapshots[name], name), reverse=True)
    keep = set(newest_first[: policy.last])
    rules: list[tuple[int, Callable[[datetime], Hashable]]] = [
        (policy.daily, _day),
        (policy.weekly, _week),
    ]
    for count, period in rules:
        covered: set[Hashable] = set()
        for name in newest_first:
            if len(covered) >= count:
                break
            if period(snapshots[name]) not in covered:
                covered.add(period(snapshots[name]))
                keep.add(name)
    return keep


def prune(dest: str | os.PathLike[str], policy: Policy, dry_run: bool = False) -> list[str]:
    """Delete the snapshots under ``dest`` that ``policy`` does not keep; return their names."""
    if not policy.active:
        raise InvalidRequest(
            "give at least one of keep last/daily/weekly; refusing to delete everything"
        )
    folder = Path(dest)
    if not folder.is_dir():
        raise BackupError(f"{shown(folder)} is not a directory")
    if dry_run:
        return _unwanted(folder, policy)
    with destination_lock(folder):
        return prune_locked(folder, policy)


def prune_locked(dest: Path, policy: Policy) -> list[str]:
    """:func:`prune` for a caller that already holds the destination lock.

    Each doomed snapshot is first renamed to ``.deleting-NAME`` (atomic), so a run
    killed halfway through a deletion leaves no half snapshot under a real name.
    """
    doomed = _unwanted(dest, policy)
    for name in doomed:
        trash = dest / (DELETING + name)
        os.rename(dest / name, trash)
        fsync_directory(dest)
        shutil.rmtree(trash)
    return doomed


def _unwanted(dest: Path, policy: Policy) -> list[str]:
    # Days and weeks follow the local clock, as the person reading the list does.
    times = {s.name: s.created.astimezone() for s in list_snapshots(dest)}
    keep = select_keep(times, policy)
    return sorted(name for name in times if name not in keep)

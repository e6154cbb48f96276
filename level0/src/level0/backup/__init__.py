"""Snapshot backups: hard-linked incremental snapshots with manifests, verify, restore and retention.

Read in this order: ``walk`` (what is in the source), ``snapshot`` (copy or
hard-link each file, rename when complete), ``manifest`` (what a snapshot
promises), ``restore`` (restore and verify), ``retention`` (which snapshots to
keep), ``repository`` (the layout of DEST).

>>> from level0.backup import backup, verify, restore
>>> report = backup("~/notes", "/mnt/usb/notes-backups")  # doctest: +SKIP
>>> verify(report.path).ok  # doctest: +SKIP
True
"""

from level0.backup.manifest import Entry, Manifest, ManifestError
from level0.backup.repository import BackupError, InvalidRequest, Snapshot, list_snapshots
from level0.backup.restore import VerifyReport, restore, verify
from level0.backup.retention import Policy, prune, select_keep
from level0.backup.snapshot import RACY_WINDOW_NS, BackupReport, backup, hash_file
from level0.backup.walk import is_excluded

__all__ = [
    "RACY_WINDOW_NS",
    "BackupError",
    "BackupReport",
    "Entry",
    "InvalidRequest",
    "Manifest",
    "ManifestError",
    "Policy",
    "Snapshot",
    "VerifyReport",
    "backup",
    "hash_file",
    "is_excluded",
    "list_snapshots",
    "prune",
    "restore",
    "select_keep",
    "verify",
]

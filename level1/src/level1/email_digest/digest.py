"""Digest a list of emails and render the result as one Markdown file.

:func:`digest_emails` runs every step on every email (summary, category, dates,
deadlines, action items); :func:`render_markdown` groups the entries by day or by
thread and links each one to its source file with a path relative to the digest, so
the links work wherever the digest and the emails are moved together.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

from tqdm import tqdm

from level0.atomic import atomic_write_text
from level1.email_digest.classify import Categoriser
from level1.email_digest.extract import (
    ActionItem,
    DateMention,
    find_actions,
    find_dates,
    find_deadlines,
)
from level1.email_digest.message import Email, Skipped
from level1.email_digest.rules import CATEGORIES, CATEGORY_TITLES
from level1.email_digest.summary import POSITION_WEIGHT, Summariser
from level1.email_digest.text import clean_body, split_sentences, top_part

__all__ = [
    "DigestEntry",
    "GroupBy",
    "digest_emails",
    "entry_record",
    "group_entries",
    "md_escape",
    "render_markdown",
    "thread_key",
    "write_digest",
]

GroupBy = Literal["day", "thread"]


@dataclass(frozen=True)
class DigestEntry:
    """One email and everything extracted from it."""

    email: Email
    summary: str
    category: str
    dates: list[DateMention] = field(default_factory=list)
    deadlines: list[DateMention] = field(default_factory=list)
    actions: list[ActionItem] = field(default_factory=list)


def digest_emails(
    emails: Sequence[Email],
    categoriser: Categoriser,
    position_weight: float = POSITION_WEIGHT,
    progress: bool | None = None,
) -> list[DigestEntry]:
    """Summarise, categorise and extract from every email (IDF learned from the whole batch)."""
    summariser = Summariser(position_weight).fit(e.body for e in emails)
    categories = categoriser.categorise(emails)
    entries = []
    for email, category in zip(
        tqdm(
            emails,
            desc="digesting",
            unit="email",
            disable=not progress if progress is not None else None,
        ),
        categories,
        strict=True,
    ):
        reference = email.date.date() if email.date else None
        text = f"{email.subject}\n{clean_body(email.body)}"
        own = split_sentences(clean_body(top_part(email.body))) or split_sentences(
            clean_body(email.body)
        )
        entries.append(
            DigestEntry(
                email=email,
                summary=summariser.summarise(email.body),
                category=category,
                dates=_unique(find_dates(text, reference)),
                deadlines=_unique(find_deadlines(text, reference)),
                actions=find_actions(own),
            )
        )
    return entries


def _unique(mentions: list[DateMention]) -> list[DateMention]:
    """The first of each mention that repeats (same words, same date)."""
    seen: set[tuple[str, object]] = set()
    kept = []
    for mention in mentions:
        key = (mention.text.lower(), mention.when)
        if key not in seen:
            seen.add(key)
            kept.append(mention)
    return kept


# --- grouping ------------------------------------------------------------------------------

_REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|fw|fwd|aw|tr)\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)


def thread_key(subject: str) -> str:
    """The subject without Re:/Fwd: prefixes, lower-cased: emails sharing it form a thread."""
    return " ".join(_REPLY_PREFIX.sub("", subject).lower().split()) or "(no subject)"


def _wall_clock(email: Email) -> datetime:
    """The date as written (time zone dropped), so header and file-name dates sort together."""
    return email.date.replace(tzinfo=None) if email.date else datetime.max


def _sort_key(entry: DigestEntry) -> tuple[datetime, str, int]:
    return (_wall_clock(entry.email), str(entry.email.source), entry.email.index or 0)


def group_entries(
    entries: Sequence[DigestEntry], group_by: GroupBy
) -> list[tuple[str, list[DigestEntry]]]:
    """(title, entries) per day, newest first and "Undated" last, or per thread, most
    recently active first; entries inside a group run oldest first."""
    buckets: dict[str, list[DigestEntry]] = {}
    for entry in sorted(entries, key=_sort_key):
        if group_by == "day":
            date = entry.email.date
            key = f"{date:%Y-%m-%d} · {date:%A}" if date else "Undated"
        else:
            key = thread_key(entry.email.subject)
        buckets.setdefault(key, []).append(entry)
    if group_by == "day":  # newest day first, undated last
        dated = sorted((k for k in buckets if k != "Undated"), reverse=True)
        order = dated + (["Undated"] if "Undated" in buckets else [])
        return [(k, buckets[k]) for k in order]
    latest = {k: max(_wall_clock(e.email) for e in v) for k, v in buckets.items()}
    order = sorted(buckets, key=lambda k: (latest[k] == datetime.max, -_timestamp(latest[k]), k))
    return [(_thread_title(buckets[k]), buckets[k]) for k in order]


def _timestamp(moment: datetime) -> float:
    return 0.0 if moment == datetime.max else (moment - datetime(1970, 1, 1)).total_seconds()


def _thread_title(entries: list[DigestEntry]) -> str:
    subject = _REPLY_PREFIX.sub("", entries[0].email.subject).strip()
    return subject or "(no subject)"


# --- Markdown ------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_LIST_START = re.compile(r"^(\s*)([-+]|\d+[.)])(\s)")


def md_escape(text: str) -> str:
    """``text`` with Markdown's special characters escaped, so it shows as written."""
    escaped = _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _LIST_START.sub(lambda m: f"{m[1]}{m[2][:-1]}\\{m[2][-1]}{m[3]}", escaped)


def _link(source: Path, digest_folder: Path) -> str:
    """A URL-encoded path from the digest's folder to ``source``."""
    try:
        relative = os.path.relpath(source.resolve(), digest_folder.resolve())
    except ValueError:  # another drive on Windows: no relative path exists
        return source.resolve().as_uri()
    return quote(Path(relative).as_posix())


def _mention(mention: DateMention) -> str:
    when = f" ({mention.when.isoformat()})" if mention.when else ""
    return f"{md_escape(mention.text)}{when}"


def _when(moment: datetime | None) -> str:
    """Header dates carry a time zone and a time; a date from a file name has neither."""
    if moment is None:
        return "undated"
    return f"{moment:%Y-%m-%d %H:%M %z}".rstrip() if moment.tzinfo else f"{moment:%Y-%m-%d}"


def _entry_markdown(entry: DigestEntry, digest_folder: Path) -> list[str]:
    email = entry.email
    title = md_escape(email.subject) or "(no subject)"
    where = f" · message {email.index}" if email.index is not None else ""
    lines = [f"### [{title}]({_link(email.source, digest_folder)}){where}", ""]
    facts = [f"*{CATEGORY_TITLES.get(entry.category, entry.category)}*"]
    if email.sender:
        signed = " (from the signature)" if email.sender_source == "signature" else ""
        facts.append(f"from **{md_escape(email.sender)}**{signed}")
    else:
        facts.append("sender unknown")
    facts.append(_when(email.date))
    lines += [" · ".join(facts), ""]
    lines += [f"> {md_escape(entry.summary) if entry.summary else '(no text)'}", ""]
    if entry.dates:
        lines.append("- **Dates:** " + "; ".join(_mention(m) for m in entry.dates))
    if entry.deadlines:
        lines.append("- **Deadlines:** " + "; ".join(_mention(m) for m in entry.deadlines))
    if entry.actions:
        lines.append("- **Action items:**")
        lines += [f"  - {md_escape(a.text)}" for a in entry.actions]
    if lines[-1]:
        lines.append("")
    return lines


def render_markdown(
    entries: Sequence[DigestEntry],
    *,
    digest_path: Path,
    source: Path,
    group_by: GroupBy = "day",
    skipped: Sequence[Skipped] = (),
    categoriser_name: str = "",
) -> str:
    """The whole digest as Markdown text; ``digest_path`` is where it will be written."""
    folder = digest_path.parent
    counts = Counter(e.category for e in entries)
    lines = [
        "# Email digest",
        "",
        f"- **Source:** `{source}` ({len(entries)} emails, {len(skipped)} skipped)",
        f"- **Grouped by:** {group_by}",
        f"- **Categories** (by {categoriser_name or 'unknown'}): "
        + " · ".join(f"{CATEGORY_TITLES[c]} {counts[c]}" for c in CATEGORIES if counts[c]),
        f"- **Action items:** {sum(len(e.actions) for e in entries)} · "
        f"**Deadlines:** {sum(len(e.deadlines) for e in entries)}",
        "",
    ]
    for title, members in group_entries(entries, group_by):
        lines += [
            f"## {md_escape(title)} ({len(members)} email{'s' if len(members) != 1 else ''})",
            "",
        ]
        for entry in members:
            lines += _entry_markdown(entry, folder)
    if skipped:
        lines += ["## Skipped", ""]
        lines += [
            f"- [{md_escape(s.source.name)}]({_link(s.source, folder)}): {md_escape(s.reason)}"
            for s in skipped
        ]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def entry_record(entry: DigestEntry) -> dict[str, Any]:
    """One entry as plain JSON-ready data (for ``--json``)."""
    email = entry.email

    def mentions(items: list[DateMention]) -> list[dict[str, str | None]]:
        return [{"text": m.text, "date": m.when.isoformat() if m.when else None} for m in items]

    return {
        "source": str(email.source),
        "index": email.index,
        "subject": email.subject,
        "sender": email.sender,
        "sender_source": email.sender_source,
        "date": email.date.isoformat() if email.date else None,
        "category": entry.category,
        "summary": entry.summary,
        "dates": mentions(entry.dates),
        "deadlines": mentions(entry.deadlines),
        "actions": [{"text": a.text, "rule": a.rule} for a in entry.actions],
    }


def write_digest(
    entries: Sequence[DigestEntry],
    path: str | Path,
    *,
    source: str | Path,
    group_by: GroupBy = "day",
    skipped: Sequence[Skipped] = (),
    categoriser_name: str = "",
) -> Path:
    """Render the digest and write it to ``path`` atomically (old file intact on failure)."""
    target = Path(path)
    text = render_markdown(
        entries,
        digest_path=target,
        source=Path(source),
        group_by=group_by,
        skipped=skipped,
        categoriser_name=categoriser_name,
    )
    atomic_write_text(target, text)
    return target

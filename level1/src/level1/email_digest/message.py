"""Read emails from a folder (one per file) or an mbox into plain :class:`Email` records.

Three file shapes are recognised by looking at the text, not at the file name:

* AESLC: the body, then a line ``@subject`` and the original subject. The human-written
  ``@ann0..2`` subject lines after it are references for evaluation and are never read
  here (see ``aeslc.py``), so they cannot leak into a summary.
* A message with RFC 5322 headers (``Subject: ...`` first, as in Enron-Spam, or a full
  ``From:``/``Date:`` block as in a saved .eml): parsed by the stdlib ``email`` package.
* Anything else that is text: the whole file is the body.

A file that is binary, empty or unreadable is not an email: it is reported as
:class:`Skipped` and the rest of the folder is still read.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import html
import mailbox
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from email.message import Message
from pathlib import Path
from typing import Literal

from level1.email_digest.text import sign_off_name

__all__ = [
    "Email",
    "NotAnEmail",
    "ReadResult",
    "Skipped",
    "parse_bytes",
    "read_source",
]

SenderSource = Literal["header", "signature", "unknown"]


class NotAnEmail(ValueError):
    """A file that cannot be read as an email, with the reason."""


@dataclass(frozen=True)
class Email:
    """One email as the digest sees it.

    ``source`` is the file it came from; ``index`` is its position in an mbox (None for a
    one-email file). ``sender_source`` says whether ``sender`` came from a From header,
    from the sign-off at the end of the body, or is unknown.
    """

    source: Path
    subject: str
    body: str
    sender: str | None = None
    sender_source: SenderSource = "unknown"
    date: datetime | None = None
    index: int | None = None


@dataclass(frozen=True)
class Skipped:
    """A file (or mbox message) that was not read, and why."""

    source: Path
    reason: str


@dataclass
class ReadResult:
    """Everything read from a source: the emails, and what was skipped."""

    emails: list[Email]
    skipped: list[Skipped]


# --- one file ------------------------------------------------------------------------------

_AESLC_SUBJECT = re.compile(r"^@subject[ \t]*$", re.MULTILINE)
_AESLC_ANNOTATION = re.compile(r"^@ann\d+[ \t]*$", re.MULTILINE)
_HEADER_START = re.compile(r"^[!-9;-~]+:[ \t]")  # an RFC 5322 field name, then a colon
_FILE_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_TEXT_BYTES = frozenset(range(32, 256)) | {9, 10, 12, 13}


def _decode(data: bytes) -> str:
    """UTF-8 when it decodes, else Latin-1 (which accepts any byte, as Enron-Spam needs)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _check_text(data: bytes) -> None:
    if not data.strip():
        raise NotAnEmail("empty file")
    head = data[:4096]
    if b"\x00" in head:
        raise NotAnEmail("binary data (NUL bytes), not an email")
    control = sum(byte not in _TEXT_BYTES for byte in head)
    if control > len(head) * 0.05:
        raise NotAnEmail("binary data (control bytes), not an email")


def _date_from_name(name: str) -> datetime | None:
    """A YYYY-MM-DD date in the file name, as Enron-Spam writes them (0002.1999-12-13...)."""
    match = _FILE_DATE.search(name)
    if match is None:
        return None
    try:
        return datetime(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _finish(
    source: Path,
    subject: str,
    body: str,
    sender: str | None,
    date: datetime | None,
    index: int | None = None,
) -> Email:
    """Fill in what the headers did not give: sender from the sign-off, date from the name."""
    body = body.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    if not body.strip() and not subject.strip():
        raise NotAnEmail("no subject and no body")
    source_kind: SenderSource = "header" if sender else "unknown"
    if not sender:
        sender = sign_off_name(body)
        source_kind = "signature" if sender else "unknown"
    if date is None and index is None:
        date = _date_from_name(source.name)
    return Email(
        source=source,
        subject=" ".join(subject.split()),
        body=body,
        sender=sender,
        sender_source=source_kind,
        date=date,
        index=index,
    )


def parse_bytes(data: bytes, source: Path) -> Email:
    """Parse one email file's bytes; raises :class:`NotAnEmail` with the reason."""
    _check_text(data)
    text = _decode(data)
    marker = _AESLC_SUBJECT.search(text)
    if marker is not None:
        body = text[: marker.start()]
        rest = text[marker.end() :]
        annotation = _AESLC_ANNOTATION.search(rest)
        subject = rest[: annotation.start()] if annotation else rest
        return _finish(source, subject.strip(), body, None, None)
    if _HEADER_START.match(text):
        message = email.message_from_bytes(data, policy=email.policy.default)
        return _from_message(message, source, None)
    return _finish(source, "", text, None, None)


# --- the stdlib email package ----------------------------------------------------------------


def _header(message: Message, name: str) -> str:
    try:
        value = message.get(name)
    except (ValueError, IndexError):  # a malformed header the parser could not fold
        return ""
    return " ".join(str(value).split()) if value is not None else ""


def _message_date(message: Message) -> datetime | None:
    raw = _header(message, "Date")
    if not raw:
        return None
    try:
        return email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None


def _sender(message: Message) -> str | None:
    raw = _header(message, "From")
    if not raw:
        return None
    name, address = email.utils.parseaddr(raw)
    if name and address:
        return f"{name} <{address}>"
    return name or address or raw


def _payload_text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return str(part.get_payload())
    charset = part.get_content_charset()
    if charset:
        try:
            return payload.decode(charset, errors="replace")
        except LookupError:  # an unknown charset name
            pass
    return _decode(payload)


_TAG = re.compile(r"<[^>]+>")


def _body(message: Message) -> str:
    """The first text/plain part; else the first text/html part with its tags removed."""
    parts = list(message.walk()) if message.is_multipart() else [message]
    for wanted in ("text/plain", "text/html"):
        for part in parts:
            if part.get_content_type() == wanted and part.get_content_disposition() != "attachment":
                text = _payload_text(part)
                return html.unescape(_TAG.sub(" ", text)) if wanted == "text/html" else text
    return ""


def _from_message(message: Message, source: Path, index: int | None) -> Email:
    return _finish(
        source,
        _header(message, "Subject"),
        _body(message),
        _sender(message),
        _message_date(message),
        index,
    )


# --- folders and mboxes ----------------------------------------------------------------------


_MBOX_FROM_LINE = re.compile(rb"^From \S+ .*\d\d:\d\d")  # "From ann@x Mon Apr  2 12:00:00 2001"


def _is_mbox(path: Path) -> bool:
    with path.open("rb") as handle:
        return bool(_MBOX_FROM_LINE.match(handle.readline(1000)))


def _read_mbox(path: Path) -> ReadResult:
    emails: list[Email] = []
    skipped: list[Skipped] = []
    box = mailbox.mbox(path, factory=None, create=False)
    try:
        for index, key in enumerate(box.keys(), start=1):
            try:
                raw = box.get_bytes(key)
                message = email.message_from_bytes(raw, policy=email.policy.default)
                emails.append(_from_message(message, path, index))
            except (NotAnEmail, ValueError, LookupError) as exc:
                skipped.append(Skipped(path, f"message {index}: {exc}"))
    finally:
        box.close()
    return ReadResult(emails, skipped)


def _files(folder: Path) -> Iterator[Path]:
    """Every non-hidden file below ``folder``, in a stable (sorted) order."""
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            yield path


def _read_file(path: Path, result: ReadResult) -> None:
    try:
        if _is_mbox(path):
            inner = _read_mbox(path)
            result.emails.extend(inner.emails)
            result.skipped.extend(inner.skipped)
        else:
            result.emails.append(parse_bytes(path.read_bytes(), path))
    except (NotAnEmail, OSError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        result.skipped.append(Skipped(path, reason))


def read_source(source: str | Path) -> ReadResult:
    """Read every email in ``source``: a folder (searched recursively), an mbox, or one file.

    Raises FileNotFoundError when ``source`` does not exist and :class:`NotAnEmail` when a
    folder holds no files at all; unreadable files are returned in ``skipped``.
    """
    path = Path(source)
    if not path.exists():
        raise FileNotFoundError(2, "no such file or folder", str(path))
    result = ReadResult([], [])
    if path.is_dir():
        files = list(_files(path))
        if not files:
            raise NotAnEmail(f"{path} is an empty folder; give a folder of email files or an mbox")
        for file in files:
            _read_file(file, result)
    else:
        _read_file(path, result)
    return result

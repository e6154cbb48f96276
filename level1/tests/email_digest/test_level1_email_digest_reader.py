"""Reading emails: AESLC, Enron-Spam and .eml files, mboxes, and input that is not email."""

from __future__ import annotations

import mailbox
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path

import pytest

AESLC = (
    "Phillip,   Could you please do me a favor?\n"
    "I would like  to read your current title policy.\n"
    "Thanks,\n"
    "Louise\n\n"
    "@subject\nHuntley/question\n\n"
    "@ann0\nphillip, could you please do me a favor?\n\n"
    "@ann1\nneed to review your title policy\n\n"
    "@ann2\nneed copy of title policy"
)
ENRON_SPAM = (
    "Subject: meter 9643 for 1 / 2000\r\n"
    "daren , can these deals be extended ?\r\n"
    "caf\xe9 budget is fine .\r\n"
    "thanks , stella\r\n"
).encode("latin-1")


def _eml(subject: str, sender: str, date: str, body: str, **headers: str) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["Subject"] = subject
    message["Date"] = date
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return message.as_bytes()


@pytest.fixture(scope="module")
def ed(solution):
    return solution("level1.email_digest")


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "mail"
    (folder / "ham").mkdir(parents=True)
    (folder / "allen-p_inbox_24.subject").write_text(AESLC)
    (folder / "ham" / "0540.2000-03-03.farmer.ham.txt").write_bytes(ENRON_SPAM)
    (folder / "note.eml").write_bytes(
        _eml(
            "Budget",
            "Ann Lee <ann@example.com>",
            "Wed, 04 Apr 2001 09:30:00 -0500",
            "Please send it by Friday.\n",
        )
    )
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "empty.txt").write_bytes(b"")
    (folder / ".hidden").write_text("Subject: ignored\n\nnot read")
    return folder


def test_folder_reads_every_format_and_skips_the_rest(ed, mixed_folder):
    result = ed.read_source(mixed_folder)
    by_name = {e.source.name: e for e in result.emails}
    assert set(by_name) == {
        "allen-p_inbox_24.subject",
        "0540.2000-03-03.farmer.ham.txt",
        "note.eml",
    }
    skipped = {s.source.name: s.reason for s in result.skipped}
    assert set(skipped) == {"picture.png", "empty.txt"}
    assert "binary" in skipped["picture.png"]
    assert skipped["empty.txt"] == "empty file"


def test_aeslc_file(ed, mixed_folder):
    email = ed.parse_bytes(
        (mixed_folder / "allen-p_inbox_24.subject").read_bytes(), Path("x.subject")
    )
    assert email.subject == "Huntley/question"
    assert email.body.startswith("Phillip,")
    assert email.body.rstrip().endswith("Louise")
    assert "@ann" not in email.body
    assert "need copy" not in email.body
    assert (email.sender, email.sender_source) == ("Louise", "signature")
    assert email.date is None


def test_enron_spam_file(ed, mixed_folder):
    path = mixed_folder / "ham" / "0540.2000-03-03.farmer.ham.txt"
    email = ed.parse_bytes(path.read_bytes(), path)
    assert email.subject == "meter 9643 for 1 / 2000"
    assert "café budget" in email.body  # Latin-1 byte decoded
    assert "\r" not in email.body
    assert email.date == datetime(2000, 3, 3)  # from the file name
    assert (email.sender, email.sender_source) == ("stella", "signature")


def test_eml_headers(ed, mixed_folder):
    email = ed.parse_bytes((mixed_folder / "note.eml").read_bytes(), Path("note.eml"))
    assert email.sender == "Ann Lee <ann@example.com>"
    assert email.sender_source == "header"
    assert email.date is not None
    assert email.date.isoformat() == "2001-04-04T09:30:00-05:00"
    assert email.body.strip() == "Please send it by Friday."


def test_html_only_message_is_read_as_text(ed):
    message = EmailMessage()
    message["Subject"] = "html"
    message.set_content("<p>Please <b>call</b> me &amp; Ann.</p>", subtype="html")
    email = ed.parse_bytes(message.as_bytes(), Path("h.eml"))
    assert " ".join(email.body.split()) == "Please call me & Ann."


def test_mbox(ed, tmp_path):
    path = tmp_path / "inbox.mbox"
    box = mailbox.mbox(path)
    box.add(_eml("Lunch", "bob@example.com", "Mon, 02 Apr 2001 12:00:00 +0000", "Lunch at noon?\n"))
    box.add(
        _eml("Re: Lunch", "amy@example.com", "Mon, 02 Apr 2001 12:05:00 +0000", "Yes, see you.\n")
    )
    box.flush()
    box.close()
    result = ed.read_source(path)
    assert [(e.index, e.subject, e.sender) for e in result.emails] == [
        (1, "Lunch", "bob@example.com"),
        (2, "Re: Lunch", "amy@example.com"),
    ]
    assert result.skipped == []


def test_an_mbox_inside_a_folder_is_read_too(ed, tmp_path):
    box = mailbox.mbox(tmp_path / "archive")
    box.add(_eml("Hello", "bob@example.com", "Mon, 02 Apr 2001 12:00:00 +0000", "Hi.\n"))
    box.close()
    assert [e.subject for e in ed.read_source(tmp_path).emails] == ["Hello"]


def test_plain_text_without_headers(ed, tmp_path):
    path = tmp_path / "memo.txt"
    path.write_text("Please review the attached budget.\nThanks, Ann\n")
    (email,) = ed.read_source(path).emails
    assert email.subject == ""
    assert email.sender == "Ann"


def test_single_binary_file_is_skipped_not_fatal(ed, tmp_path):
    path = tmp_path / "data.bin"
    path.write_bytes(bytes(range(256)) * 4)
    result = ed.read_source(path)
    assert result.emails == []
    assert len(result.skipped) == 1


def test_missing_path(ed, tmp_path):
    with pytest.raises(FileNotFoundError):
        ed.read_source(tmp_path / "nope")


def test_empty_folder(ed, tmp_path):
    with pytest.raises(ed.NotAnEmail, match="empty folder"):
        ed.read_source(tmp_path)


def test_a_body_starting_with_from_is_not_an_mbox(ed, tmp_path):
    path = tmp_path / "memo.txt"
    path.write_text("From the desk of Ann: please review the budget.\n")
    (email,) = ed.read_source(path).emails
    assert email.body.startswith("From the desk")

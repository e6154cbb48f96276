"""The Markdown digest: structure, grouping, links that resolve, escaping, atomic writes."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from level1.email_digest.digest import entry_record, md_escape

FIXED = "meeting"


class Fixed:
    """A categoriser that says the same thing every time (the digest does not care which)."""

    name = "fixed test categoriser"

    def categorise(self, emails):
        return [FIXED for _ in emails]


@pytest.fixture(scope="module")
def ed(solution):
    return solution("level1.email_digest")


@pytest.fixture
def emails(ed, tmp_path):
    folder = tmp_path / "in box"  # a space, so links must be URL-encoded
    folder.mkdir()

    def email(name, subject, body, day, hour=9):
        return ed.Email(
            source=folder / name,
            subject=subject,
            body=body,
            sender="Ann <ann@example.com>",
            sender_source="header",
            date=datetime(2001, 4, day, hour, tzinfo=UTC),
        )

    items = [
        email("a.eml", "Budget [draft]", "Please send the budget by Friday.\nIt is late.", 4),
        email("b.eml", "Re: Budget [draft]", "Here it is. The totals changed on 4/2/01.", 5),
        email("c.eml", "Party", "We meet at noon for the party.", 4, hour=8),
    ]
    for item in items:
        item.source.write_text(item.body)
    items.append(ed.Email(source=folder / "d.txt", subject="", body="No date here at all."))
    items[-1].source.write_text(items[-1].body)
    return items


def _render(ed, entries, tmp_path, group_by="day"):
    out = tmp_path / "out" / "digest.md"
    out.parent.mkdir(exist_ok=True)
    ed.write_digest(
        entries, out, source=tmp_path / "in box", group_by=group_by, categoriser_name="fixed"
    )
    return out, out.read_text()


def test_digest_by_day(ed, emails, tmp_path):
    entries = ed.digest_emails(emails, Fixed())
    _out, text = _render(ed, entries, tmp_path)
    headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
    assert headings == [
        "2001-04-05 · Thursday (1 email)",
        "2001-04-04 · Wednesday (2 emails)",
        "Undated (1 email)",
    ]
    wednesday = text.split("## 2001-04-04")[1].split("## Undated")[0]
    assert wednesday.index("Party") < wednesday.index("Budget")  # 08:00 before 09:00
    assert text.startswith("# Email digest\n")
    assert "(4 emails, 0 skipped)" in text
    assert "> Please send the budget by Friday." in text
    assert "- **Deadlines:** by Friday (2001-04-06)" in text
    assert "  - Please send the budget by Friday." in text
    assert "2001-04-02" in text  # the mentioned date 4/2/01, resolved


def test_digest_by_thread(ed, emails, tmp_path):
    entries = ed.digest_emails(emails, Fixed())
    _, text = _render(ed, entries, tmp_path, group_by="thread")
    headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
    assert headings == [
        "Budget \\[draft\\] (2 emails)",
        "Party (1 email)",
        "(no subject) (1 email)",
    ]


def test_links_resolve_to_the_source_files(ed, emails, tmp_path):
    out, text = _render(ed, ed.digest_emails(emails, Fixed()), tmp_path)
    links = re.findall(r"^### \[.*?\]\((.+?)\)", text, re.MULTILINE)
    assert len(links) == 4
    for link in links:
        assert "%20" in link
        assert " " not in link
        assert (out.parent / unquote(link)).resolve().is_file()


def test_skipped_files_are_listed(ed, emails, tmp_path):
    out = tmp_path / "digest.md"
    skipped = [ed.Skipped(tmp_path / "in box" / "x.png", "binary data (NUL bytes), not an email")]
    ed.write_digest(ed.digest_emails(emails, Fixed()), out, source=tmp_path, skipped=skipped)
    text = out.read_text()
    assert "## Skipped" in text
    assert "x.png" in text
    assert "binary data" in text


def test_failed_write_keeps_the_old_digest(ed, emails, tmp_path, monkeypatch):
    out = tmp_path / "digest.md"
    out.write_text("old digest\n")
    entries = ed.digest_emails(emails, Fixed())

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("level1.email_digest.digest.render_markdown", boom)
    with pytest.raises(RuntimeError):
        ed.write_digest(entries, out, source=tmp_path)
    assert out.read_text() == "old digest\n"
    assert list(tmp_path.glob(".digest.md.*")) == []


def test_json_record(ed, emails):
    (entry, *_) = ed.digest_emails(emails, Fixed())
    record = entry_record(entry)
    assert record["category"] == FIXED
    assert record["deadlines"] == [{"text": "by Friday", "date": "2001-04-06"}]
    assert record["date"] == "2001-04-04T09:00:00+00:00"


def test_thread_key(ed):
    assert ed.thread_key("RE: Fwd: re : Budget  Plan") == "budget plan"
    assert ed.thread_key("Re:") == "(no subject)"


@settings(max_examples=50)
@given(st.text(alphabet=st.sampled_from("ab *_[]#|<>`\\-1. "), max_size=30))
def test_md_escape_leaves_no_markup(text):
    escaped = md_escape(text)
    unescaped = re.sub(r"\\(.)", r"\1", escaped)
    assert unescaped == " ".join(text.split())
    assert not re.search(r"(?<!\\)[*_\[\]#|<>`]", escaped)


def test_empty_input_renders(ed, tmp_path):
    out = tmp_path / "digest.md"
    ed.write_digest([], out, source=Path("nothing"))
    assert "(0 emails, 0 skipped)" in out.read_text()

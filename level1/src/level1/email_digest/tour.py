"""Tour step: digest real Enron emails when they are cached, else synthetic ones.

With AESLC cached: a spread of 191 test emails (every 10th file) is summarised and
scored with ROUGE against the human subject lines (lead-1 alongside), and digested
by thread. With Enron-Spam cached too, the category classifier is trained first (its
weak-labelled dataset is written as CSV) and 100 of its emails are digested by day.
Without real data: 30 emails from ``level0.datagen``'s ``emails`` preset (synthetic,
labelled so in the digest), written as .eml files and digested with the keyword rules.
"""

from __future__ import annotations

import email.message
import email.utils
import json
from datetime import UTC
from pathlib import Path

from level0.atomic import atomic_write_text
from level0.datagen import generate
from level0.datasets import DatasetMissing, locate
from level0.tour import TourResult
from level1.email_digest import write_digest
from level1.email_digest.aeslc import load_split, score_summaries
from level1.email_digest.classify import (
    Categoriser,
    RulesCategoriser,
    load_categoriser,
    train_and_save,
)
from level1.email_digest.digest import digest_emails
from level1.email_digest.message import parse_bytes, read_source
from level1.email_digest.summary import lead_sentence

AESLC_EVERY = 10
ENRON_SAMPLE = 100
SYNTHETIC_ROWS = 30


def _categoriser(out: Path, files: list[Path]) -> tuple[Categoriser, str]:
    """The trained classifier when Enron-Spam is cached, else the rules; and a note for the table."""
    try:
        enron = locate("enron_spam")
    except DatasetMissing:
        return RulesCategoriser(), "categories by rules (enron_spam not cached)"
    metrics = train_and_save(
        enron / "enron1" / "ham", out / "model", dataset_csv=out / "weak_labels.csv"
    )
    files += [out / "model", out / "weak_labels.csv"]
    holdout = metrics["classifier_vs_hand_holdout"]
    return (
        load_categoriser(out / "model"),
        f"classifier agrees with my labels on {holdout['agree']}/{holdout['n']} held-out emails",
    )


def _real(out: Path, aeslc: Path) -> TourResult:
    files: list[Path] = []
    categoriser, note = _categoriser(out, files)
    test = aeslc / "enron_subject_line" / "test"
    examples = load_split(test, every=AESLC_EVERY)
    emails = [parse_bytes(x.path.read_bytes(), x.path) for x in examples]
    entries = digest_emails(emails, categoriser)
    ours = score_summaries([e.summary for e in entries], examples)
    lead = score_summaries([lead_sentence(e.body) for e in emails], examples)
    scores = {
        "emails": len(examples),
        "references": "best (max) and mean over the 3 annotations",
        "ours": ours,
        "lead1": lead,
    }
    atomic_write_text(out / "rouge.json", json.dumps(scores, indent=2) + "\n")
    files.append(out / "rouge.json")
    files.append(
        write_digest(
            entries,
            out / "aeslc_digest.md",
            source=test,
            group_by="thread",
            categoriser_name=categoriser.name,
        )
    )
    try:
        ham = locate("enron_spam") / "enron1" / "ham"
    except DatasetMissing:
        pass
    else:
        sample = read_source(ham).emails[:ENRON_SAMPLE]
        enron_entries = digest_emails(sample, categoriser)
        files.append(
            write_digest(
                enron_entries,
                out / "enron_digest.md",
                source=ham,
                categoriser_name=categoriser.name,
            )
        )
    key = (
        f"AESLC {len(examples)} test emails: ROUGE-L {ours['max']['rougeL']:.3f} vs lead-1 "
        f"{lead['max']['rougeL']:.3f} (max of 3 refs); {note}"
    )
    return TourResult(data="real", key_result=key, files=files)


def _write_synthetic(folder: Path) -> list[Path]:
    """datagen's ``emails`` preset as .eml files with real headers, one per email."""
    folder.mkdir(parents=True, exist_ok=True)
    table = generate("emails", rows=SYNTHETIC_ROWS, seed=0)
    paths = []
    for i, row in enumerate(table.to_dict("records"), start=1):
        message = email.message.EmailMessage()
        message["From"] = str(row["from"])
        message["To"] = str(row["to"])
        sent = row["date"].to_pydatetime().replace(tzinfo=UTC)
        message["Date"] = email.utils.format_datetime(sent)
        message["Subject"] = f"{row['subject']} (synthetic)"
        message.set_content(f"{row['body']}.\n")
        path = folder / f"{i:03d}.eml"
        atomic_write_text(path, message.as_string())
        paths.append(path)
    return paths


def _synthetic(out: Path) -> TourResult:
    emails_folder = out / "synthetic_emails"
    _write_synthetic(emails_folder)
    result = read_source(emails_folder)
    entries = digest_emails(result.emails, RulesCategoriser())
    digest = write_digest(
        entries,
        out / "digest.md",
        source=emails_folder,
        group_by="day",
        skipped=result.skipped,
        categoriser_name="keyword rules (synthetic emails from datagen)",
    )
    actions = sum(len(e.actions) for e in entries)
    key = f"{len(entries)} synthetic emails digested ({actions} action items); AESLC not cached"
    return TourResult(data="synthetic", key_result=key, files=[emails_folder, digest])


def run(out: Path) -> TourResult:
    """Digest real emails when AESLC is cached, else synthetic ones; everything under ``out``."""
    try:
        aeslc = locate("aeslc")
    except DatasetMissing:
        return _synthetic(out)
    return _real(out, aeslc)

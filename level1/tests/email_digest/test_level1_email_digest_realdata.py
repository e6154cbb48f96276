"""Real data: a sample of AESLC and Enron-Spam (skipped, with the fetch command, when not cached)."""

from __future__ import annotations

import pytest
from rouge_score import rouge_scorer

from level1.email_digest.aeslc import load_split, score_summaries
from level1.email_digest.classify import (
    build_dataset,
    hand_labels,
    load_categoriser,
    train_and_save,
)
from level1.email_digest.rouge import RougeScore
from level1.email_digest.summary import Summariser, lead_sentence

EVERY = 19  # 101 test emails spread over all mailboxes


@pytest.fixture(scope="module")
def ed(solution):
    return solution("level1.email_digest")


@pytest.fixture(scope="module")
def aeslc_test(realdata):
    return realdata("aeslc") / "enron_subject_line" / "test"


@pytest.fixture(scope="module")
def ham(realdata):
    return realdata("enron_spam") / "enron1" / "ham"


def test_annotations_never_reach_the_body(ed, aeslc_test):
    result = ed.read_source(aeslc_test)
    assert len(result.emails) == 1906
    assert result.skipped == []
    for email in result.emails:
        assert "@ann" not in email.body
        assert "@subject" not in email.body
        assert email.subject  # the original subject line is read


def test_summary_beats_lead_1_on_a_sample(ed, aeslc_test):
    examples = load_split(aeslc_test, every=EVERY)
    emails = [ed.parse_bytes(x.path.read_bytes(), x.path) for x in examples]
    summariser = Summariser().fit(e.body for e in emails)
    ours = [summariser.summarise(e.body) for e in emails]
    lead = [lead_sentence(e.body) for e in emails]
    google = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"])

    def oracle(candidate, reference):
        return {
            k: RougeScore(v.precision, v.recall, v.fmeasure)
            for k, v in google.score(reference, candidate).items()
        }

    ours_scores = score_summaries(ours, examples)
    oracle_scores = score_summaries(ours, examples, oracle)
    for how in ("max", "mean"):
        assert ours_scores[how] == pytest.approx(oracle_scores[how])
    assert ours_scores["max"]["rougeL"] > score_summaries(lead, examples)["max"]["rougeL"]
    assert all(s for s in ours)  # every email got a summary


def test_rules_agreement_with_my_labels_is_as_reported(ham):
    labels = hand_labels()
    rules = [e.label for e in build_dataset(ham, [h.file for h in labels])]
    for sample, covered, agree in (("tuning", 56, 45), ("holdout", 27, 18)):
        pairs = [(r, h.label) for r, h in zip(rules, labels, strict=True) if h.sample == sample]
        assert sum(r is not None for r, _ in pairs) == covered
        assert sum(r == t for r, t in pairs) == agree


def test_train_on_a_slice_of_enron(ham, tmp_path, ed):
    files = sorted(p.name for p in ham.glob("*.txt"))[:150]
    metrics = train_and_save(ham, tmp_path / "model", files=files)
    assert metrics["emails"] + sum(f in {h.file for h in hand_labels()} for f in files) == 150
    assert metrics["classifier_vs_hand_holdout"]["n"] == 30
    categoriser = load_categoriser(tmp_path / "model")
    emails = ed.read_source(ham / files[0]).emails
    assert categoriser.categorise(emails)[0] in ed.CATEGORIES


def test_enron_digest_has_dates_and_signatures(ed, ham, tmp_path):
    emails = [
        ed.parse_bytes((ham / n).read_bytes(), ham / n)
        for n in sorted(p.name for p in ham.glob("*.txt"))[:60]
    ]
    assert all(e.date is not None for e in emails)  # from the file names
    assert sum(e.sender_source == "signature" for e in emails) >= 15
    entries = ed.digest_emails(emails, ed.RulesCategoriser())
    out = ed.write_digest(entries, tmp_path / "digest.md", source=ham)
    text = out.read_text()
    assert "## 1999-12-" in text
    assert "Undated" not in text
    assert sum(len(e.actions) for e in entries) > 10

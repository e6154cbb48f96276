"""Weak-label rules, the hand labels, and the classifier saved and loaded with modelstore."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from level1 import modelstore
from level1.email_digest.classify import (
    TOOL,
    agreement,
    build_dataset,
    hand_labels,
    load_categoriser,
    train_and_save,
)

# Four emails per category, in the Enron-Spam shape (Subject: line first, CRLF).
TINY_HAM = {
    "personal": [
        (
            "birthday party",
            "we are having a party for the kids on saturday . hope you can come ! love , mom",
        ),
        ("family pictures", "here are the pictures from our vacation . the kids loved the beach ."),
        ("golf", "golf with friends this weekend ? the game starts early ."),
        ("christmas", "merry christmas to you and your family . see you at dinner ."),
    ],
    "meeting": [
        ("staff meeting moved", "the staff meeting is moved to eb 3127 . see the agenda ."),
        (
            "meeting tomorrow",
            "our meeting with duke is on the calendar for 2 pm ; conference room 30c2 .",
        ),
        ("conference call", "the conference call is rescheduled . the agenda is unchanged ."),
        ("offsite meeting", "the offsite meeting agenda is attached . attendance is required ."),
    ],
    "request": [
        ("meter 1266", "can you extend deal 12345 at meter 1266 for next month ?"),
        ("contract", "please sign the contract and return it to me ."),
        ("survey", "please fill out the survey by friday ."),
        ("help", "could you look into the missing volumes for me ?"),
    ],
    "deal": [
        ("hpl nom for june 16", "the nomination is 30 , 000 mmbtu at meter 6296 ."),
        ("actuals", "teco tap 40 . 000 / enron ; actual flow 41 , 000 mmbtu ; meter 1266 ."),
        ("buyback deal", "the buyback deal volumes at meter 8018 flowed 5 , 000 mmbtu ."),
        ("noms for july", "noms : 20 , 000 into eastrans ; redeliveries 7 , 800 at the meter ."),
    ],
    "report": [
        ("fyi", "fyi : the report is attached ."),
        ("system outage", "the system outage notice : unify will be down tonight ."),
        ("newsletter", "the monthly newsletter is available ; results are in the summary ."),
        ("policy update", "the updated policy memo is attached for your information ."),
    ],
}


@pytest.fixture(scope="module")
def tiny_ham(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("ham")
    n = 0
    for emails in TINY_HAM.values():
        for subject, body in emails:
            n += 1
            text = f"Subject: {subject}\r\n{body}\r\n"
            (folder / f"{n:04d}.2000-06-{n:02d}.farmer.ham.txt").write_bytes(text.encode("latin-1"))
    return folder


def test_rules_label_the_tiny_corpus(tiny_ham):
    expected = [label for label, emails in TINY_HAM.items() for _ in emails]
    assert [e.label for e in build_dataset(tiny_ham)] == expected


def test_rule_order_and_abstaining():
    from level1.email_digest.rules import weak_label

    # personal comes before meeting and request
    assert weak_label("party", "please come to the meeting and the party").label == "personal"
    # a request in the writer's own text wins over deal words
    assert weak_label("meter 1266", "can you extend the deal at meter 1266 ?").label == "request"
    # a request inside the forwarded part does not count
    forwarded = (
        "the volumes flowed .\n- - - - - forwarded by ann on 01 / 02 / 2000\ncan you call me ?"
    )
    assert weak_label("meter 1266", forwarded).label == "deal"
    rule = weak_label("hello", "the weather was nice")
    assert rule.label is None
    assert rule.reason == "no rule fired"


def test_hand_labels_are_well_formed(solution):
    from level1.email_digest.rules import CATEGORIES

    labels = hand_labels()
    assert len(labels) == 90
    assert len({h.file for h in labels}) == 90
    assert {h.label for h in labels} == set(CATEGORIES)
    assert [h.sample for h in labels].count("holdout") == 30
    assert all(h.file.endswith(".farmer.ham.txt") for h in labels)


def test_agreement_counts_abstentions_as_misses():
    result = agreement(["deal", None, "report"], ["deal", "deal", "deal"])
    assert result == {
        "n": 3,
        "covered": 2,
        "agree": 1,
        "accuracy_all": 1 / 3,
        "accuracy_covered": 0.5,
    }


def test_train_save_load_round_trip(tiny_ham, tmp_path, solution):
    ed = solution("level1.email_digest")
    metrics = train_and_save(tiny_ham, tmp_path / "model", dataset_csv=tmp_path / "weak.csv")
    assert metrics["weakly_labelled"] == 20
    assert metrics["abstained"] == 0
    assert metrics["label_counts"] == dict.fromkeys(sorted(TINY_HAM), 4)
    assert "weak.csv" in {p.name for p in tmp_path.iterdir()}
    saved = json.loads((tmp_path / "model" / "metadata.json").read_text())
    assert saved["tool"] == TOOL
    assert saved["metrics"]["weakly_labelled"] == 20
    categoriser = ed.load_categoriser(tmp_path / "model")
    emails = ed.read_source(tiny_ham).emails
    predicted = categoriser.categorise(emails)
    expected = [label for label, items in TINY_HAM.items() for _ in items]
    assert (
        sum(p == e for p, e in zip(predicted, expected, strict=True)) >= 16
    )  # it learned the words
    assert categoriser.categorise([]) == []


def test_loading_refuses_other_tools_and_tampering(tiny_ham, tmp_path):
    model_dir = tmp_path / "model"
    train_and_save(tiny_ham, model_dir)
    meta = json.loads((model_dir / "metadata.json").read_text())
    meta["tool"] = "level1.spam"
    (model_dir / "metadata.json").write_text(json.dumps(meta))
    with pytest.raises(modelstore.ModelError, match=r"not level1\.email_digest"):
        load_categoriser(model_dir)
    meta["tool"] = TOOL
    (model_dir / "metadata.json").write_text(json.dumps(meta))
    (model_dir / "model.skops").write_bytes(b"tampered")
    with pytest.raises(modelstore.ModelError, match="changed after it was saved"):
        load_categoriser(model_dir)


def test_rules_categoriser_never_abstains(solution):
    ed = solution("level1.email_digest")
    email = ed.Email(source=Path("x"), subject="hello", body="the weather was nice")
    assert ed.RulesCategoriser().categorise([email]) == ["report"]

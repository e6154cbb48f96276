"""Reading the corpora: quoting, deduplication, emails, and the fixed held-out split."""

from __future__ import annotations

from collections import Counter
from email.message import EmailMessage

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

SMS_LINES = [
    "ham\tOk lar... Joking wif u oni...",
    'spam\t"FREE entry! Txt WIN to 80086 now',  # an unbalanced quote: only QUOTE_NONE keeps it
    "ham\tSee you at 5",
    "spam\tURGENT! Call 09061701461 to claim your prize",
    "ham\tOk lar... Joking wif u oni...",  # a duplicate
    'ham\tHe said "fine" and left',
]


def test_sms_file_is_read_line_by_line_and_deduplicated(solution, tmp_path):
    mod = solution("level1.spam")
    path = tmp_path / "SMSSpamCollection"
    path.write_text("\n".join(SMS_LINES) + "\n", encoding="utf-8")
    corpus = mod.load_sms(path)
    assert len(corpus) == 5
    assert corpus.duplicates_removed == 1
    assert corpus.texts[1] == '"FREE entry! Txt WIN to 80086 now'
    assert corpus.labels.tolist() == ["ham", "spam", "ham", "spam", "ham"]


def test_sms_file_with_an_unknown_label_is_refused(solution, tmp_path):
    path = tmp_path / "SMSSpamCollection"
    path.write_text("ham\thi\nphishing\tclick here\n", encoding="utf-8")
    with pytest.raises(ValueError, match="'phishing'"):
        solution("level1.spam").load_sms(path)


def test_real_sms_collection(solution, realdata):
    corpus = solution("level1.spam").load_sms(realdata("sms_spam") / "SMSSpamCollection")
    assert corpus.duplicates_removed == 403  # 5,574 lines, 5,171 distinct messages
    assert Counter(corpus.labels.tolist()) == {"ham": 4518, "spam": 653}


def test_real_enron1(solution, realdata):
    corpus = solution("level1.spam").load_enron(realdata("enron_spam") / "enron1")
    assert len(corpus) + corpus.duplicates_removed == 3672 + 1500
    assert corpus.duplicates_removed == 178
    assert not any(text.startswith("Subject:") for text in corpus.texts)


def test_enron_folder_keeps_latin1_bytes(solution, tmp_path):
    mod = solution("level1.spam")
    for label, body in (
        ("ham", b"Subject: caf\xe9 meeting\r\nsee you at the caf\xe9\r\n"),
        ("spam", b"Subject: cheap meds\r\nbuy now !\r\n"),
    ):
        (tmp_path / label).mkdir()
        (tmp_path / label / f"0001.{label}.txt").write_bytes(body)
    corpus = mod.load_enron(tmp_path)
    assert corpus.texts.tolist() == [
        "café meeting\nsee you at the café\r\n",
        "cheap meds\nbuy now !\r\n",
    ]
    assert corpus.labels.tolist() == ["ham", "spam"]


def test_enron_folder_without_spam_is_refused(solution, tmp_path):
    (tmp_path / "ham").mkdir()
    (tmp_path / "ham" / "1.txt").write_text("Subject: hi\nthere\n")
    with pytest.raises(ValueError, match=r"no \.txt emails"):
        solution("level1.spam").load_enron(tmp_path)


def test_mime_email_prefers_the_plain_text_part(solution):
    message = EmailMessage()
    message["Subject"] = "Gewinn: Sie haben gewonnen – jetzt antworten"
    message.set_content("Herzlichen Glückwunsch, Ihr Preis wartet.", charset="utf-8")
    message.add_alternative("<p>Herzlichen <b>Glückwunsch</b></p>", subtype="html")
    text = solution("level1.spam").read_email(message.as_bytes())
    assert text.splitlines()[0] == "Gewinn: Sie haben gewonnen – jetzt antworten"
    assert "Herzlichen Glückwunsch, Ihr Preis wartet." in text
    assert "<p>" not in text


def test_html_only_email_is_reduced_to_visible_text(solution):
    message = EmailMessage()
    message["Subject"] = "offer"
    message.set_content(
        "<html><style>p {color: red}</style><script>track()</script>"
        "<p>Claim your <b>FREE</b> prize &amp; more</p></html>",
        subtype="html",
        cte="base64",
    )
    assert solution("level1.spam").read_email(message.as_bytes()) == (
        "offer\nClaim your FREE prize & more"
    )


def test_email_without_text_gives_its_subject(solution):
    message = EmailMessage()
    message["Subject"] = "photo"
    message.set_content(b"\x89PNG...", maintype="image", subtype="png")
    assert solution("level1.spam").read_email(message.as_bytes()) == "photo\n"


@settings(max_examples=40)
@given(
    counts=st.lists(st.integers(5, 40), min_size=2, max_size=4),
    seed=st.integers(0, 1000),
)
def test_heldout_split_is_a_stratified_partition(solution, counts, seed):
    split = solution("level1.spam").heldout_split
    labels = np.repeat([f"c{i}" for i in range(len(counts))], counts)
    train, test = split(labels, 0.2, seed)
    assert sorted([*train, *test]) == list(range(len(labels)))
    for name, count in zip(np.unique(labels), counts, strict=True):
        assert abs((labels[test] == name).sum() - 0.2 * count) <= 1.5
    np.testing.assert_array_equal(split(labels, 0.2, seed)[1], test)


@given(st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=30))
def test_deduplicate_keeps_first_occurrences_in_order(solution, texts):
    labels = np.arange(len(texts))
    kept, kept_labels, dropped = solution("level1.spam").deduplicate(
        np.array(texts, dtype=object), labels
    )
    assert kept.tolist() == list(dict.fromkeys(texts))
    assert kept_labels.tolist() == [texts.index(t) for t in kept]
    assert dropped == len(texts) - len(set(texts))


def test_corpus_digest_follows_every_label(solution):
    mod = solution("level1.spam")
    texts = np.array(["hi", "win cash"], dtype=object)
    digest = mod.corpus_sha256(texts, np.array(["ham", "spam"]))
    assert digest == mod.corpus_sha256(texts.copy(), np.array(["ham", "spam"]))
    assert digest != mod.corpus_sha256(texts, np.array(["ham", "ham"]))


def test_synthetic_corpus_is_labelled_synthetic(solution):
    corpus = solution("level1.spam").synthetic_corpus(rows=200, seed=1)
    assert corpus.synthetic
    assert set(corpus.labels) == {"ham", "spam"}

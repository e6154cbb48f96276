"""The spam report: every figure checked against scikit-learn's own metric functions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import accuracy_score, confusion_matrix, matthews_corrcoef, recall_score

labels = st.lists(st.sampled_from(["ham", "spam"]), min_size=1, max_size=60)


@pytest.mark.filterwarnings("ignore:A single label was found")
@settings(max_examples=60)
@given(data=st.data())
def test_report_agrees_with_sklearn(solution, data):
    mod = solution("level1.spam")
    truth = data.draw(labels)
    predicted = data.draw(
        st.lists(st.sampled_from(["ham", "spam"]), min_size=len(truth), max_size=len(truth))
    )
    report = mod.spam_report(truth, predicted)
    (tn, fp), (fn, tp) = confusion_matrix(truth, predicted, labels=["ham", "spam"]).tolist()
    assert report.confusion == [[tn, fp], [fn, tp]]
    assert report.accuracy == pytest.approx(accuracy_score(truth, predicted))
    assert report.spam_caught == pytest.approx(
        recall_score(truth, predicted, pos_label="spam", zero_division=0)
    )
    assert report.blocked_ham == pytest.approx(fp / (fp + tn) if fp + tn else 0.0)
    assert report.mcc == pytest.approx(matthews_corrcoef(truth, predicted), abs=1e-12)
    assert report.messages == len(truth)


def test_accuracy_flatters_a_filter_that_blocks_nothing(solution):
    mod = solution("level1.spam")
    truth = ["ham"] * 87 + ["spam"] * 13
    report = mod.spam_report(truth, ["ham"] * 100)
    assert report.accuracy == pytest.approx(0.87)
    assert report.spam_caught == 0
    assert report.mcc == 0


def test_no_messages_is_an_error(solution):
    with pytest.raises(ValueError, match="no messages"):
        solution("level1.spam").spam_report([], [])


def test_confusion_table_layout(solution):
    text = solution("level1.spam").format_confusion(["ham", "spam"], [[902, 2], [9, 122]])
    assert text.splitlines() == [
        "             predicted ham  predicted spam",
        "actual ham             902               2",
        "actual spam              9             122",
    ]


def test_format_report_shows_the_four_figures(solution):
    mod = solution("level1.spam")
    report = mod.spam_report(["ham", "ham", "spam", "spam"], ["ham", "spam", "spam", "spam"])
    text = mod.format_report(report, "toy")
    assert "toy (4 messages)" in text
    assert "accuracy      0.7500" in text
    assert "spam caught   1.0000" in text
    assert "blocked ham   50.0000%" in text
    assert "MCC           0.5774" in text

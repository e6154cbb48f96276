"""CheckList machinery (perturbations, the three check kinds) and the real behavioural suite."""

from __future__ import annotations

import random
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from level4.pipetest import (
    Directional,
    Invariance,
    MinimumFunctionality,
    add_typo,
    change_punctuation,
    run_check,
    swap_names,
)
from level4.pipetest.behaviour import FIRST_NAMES
from level4.pipetest.checklists import SENTIMENT_CHECKS, SPAM_CHECKS
from level4.pipetest.tour import SUITE

TEXT = st.text(alphabet=st.characters(codec="ascii", categories=["L", "Zs", "P"]), max_size=60)


@given(text=TEXT, seed=st.integers(0, 1000))
def test_a_typo_swaps_two_neighbouring_letters(text: str, seed: int) -> None:
    changed = add_typo(text, random.Random(seed))
    assert Counter(changed) == Counter(text)
    differing = [i for i, (a, b) in enumerate(zip(text, changed, strict=True)) if a != b]
    assert differing == [] or (len(differing) == 2 and differing[1] == differing[0] + 1)


@given(seed=st.integers(0, 1000))
def test_name_swap_changes_only_the_names(seed: int) -> None:
    text = "Hi John, tell Mary that Johnny called"
    changed = swap_names(text, random.Random(seed))
    words, new_words = text.split(), changed.split()
    assert new_words[1].rstrip(",") in set(FIRST_NAMES) - {"John"}
    assert new_words[3] in set(FIRST_NAMES) - {"Mary"}
    assert [w for i, w in enumerate(new_words) if i not in (1, 3)] == [
        w for i, w in enumerate(words) if i not in (1, 3)
    ]


@given(text=TEXT, seed=st.integers(0, 1000))
def test_punctuation_change_touches_only_the_end(text: str, seed: int) -> None:
    changed = change_punctuation(text, random.Random(seed))
    core = text.rstrip(" .!?")
    assert changed.startswith(core)
    assert set(changed[len(core) :]) <= set(".!")


class KeywordModel:
    """A transparent rule model: spam when the text has "win"; the score counts such words."""

    def score(self, texts: Sequence[str]) -> np.ndarray:
        return np.array([t.lower().count("win") - 0.5 * t.lower().count("mum") for t in texts])

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        return np.where(self.score(texts) > 0, "spam", "ham")


def test_minimum_functionality_counts_wrong_labels() -> None:
    check = MinimumFunctionality("win is spam", ["win now", "WIN big", "hello"], "spam")
    result = run_check(check, KeywordModel())
    assert (result.cases, result.failures) == (3, 1)
    assert result.examples == [{"text": "hello", "predicted": "ham", "expected": "spam"}]


def test_invariance_counts_flips_and_ignores_no_op_perturbations() -> None:
    def break_win(text: str, rng: random.Random) -> str:
        return text.replace("win", "w1n")

    check = Invariance("typo", ["win now", "hello there", "we win"], break_win)
    result = run_check(check, KeywordModel())
    assert (result.cases, result.failures) == (2, 2)  # "hello there" is unchanged: not a case


def test_directional_fails_only_moves_the_wrong_way() -> None:
    append: Callable[[str, random.Random], str] = lambda text, rng: text + " love mum"  # noqa: E731
    down = run_check(Directional("sign-off", ["win", "x"], append, direction=-1), KeywordModel())
    up = run_check(Directional("sign-off", ["win", "x"], append, direction=+1), KeywordModel())
    assert (down.failures, up.failures) == (0, 2)
    assert up.failure_rate == 1.0


def test_behavioural_suite_passes_under_pipetest_on_real_data(
    realdata: Callable[[str], Path], tmp_path: Path
) -> None:
    realdata("sms_spam")
    realdata("sentiment")
    report = tmp_path / "behaviour.xml"
    done = subprocess.run(
        [sys.executable, "-m", "level4.pipetest", str(SUITE), "--junit-xml", str(report)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    cases = list(ET.parse(report).getroot().iter("testcase"))
    properties = {
        case.get("name"): {p.get("name"): p.get("value") for p in case.iter("property")}
        for case in cases
    }
    checks = [n for n in properties if n and "[" in n and properties[n].get("kind")]
    assert len(checks) == len(SPAM_CHECKS) + len(SENTIMENT_CHECKS)
    assert {properties[n]["kind"] for n in checks} == {"MFT", "INV", "DIR"}
    assert all(properties[n]["data"] == "real" for n in checks)
    negation = "test_sentiment_classifier[negated positive is negative]"
    assert [c.find("skipped").get("type") for c in cases if c.get("name") == negation] == [
        "pytest.xfail"
    ]  # type: ignore[union-attr]

"""The sentiment page: a review in; its label, the probability and the words that decided it."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from level5.api.models import MAX_TEXT, ServedModel, TextInput
from level5.app.explain import WordInfluence, split_words, word_influence
from level5.app.loading import served_model

NAMES = {"1": "positive", "0": "negative"}  # the UCI files' labels
POSITIVE = "1"
# Colour the words with at least a fifth of the strongest word's effect. A relative bar,
# because in a clear-cut review (P = 0.99) every single word moves the probability
# little: the others still carry the decision. The order of the words is the same as
# in log-odds, where the effects do not saturate.
HIGHLIGHT_SHARE = 0.2
HIGHLIGHT_MIN = 0.001
TOP_WORDS = 8
MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation mark


def escape(text: str) -> str:
    """User text shown literally in Markdown: punctuation escaped, any run of white space
    (line breaks, indentation that would start a code block) one space."""
    return MARKDOWN_PUNCTUATION.sub(r"\\\1", re.sub(r"\s+", " ", text))


def highlighted(text: str, influence: list[WordInfluence]) -> str:
    """The text in Markdown, words that raise P(positive) green, those that lower it red."""
    change = {w.word: w.change for w in influence}
    strongest = max((abs(c) for c in change.values()), default=0.0)
    bar = max(HIGHLIGHT_SHARE * strongest, HIGHLIGHT_MIN)
    out = []
    for piece, word in split_words(text):
        shown = escape(piece)
        moved = change.get(word or "", 0.0)
        if abs(moved) >= bar:
            shown = f":{'green' if moved > 0 else 'red'}-background[**{shown}**]"
        out.append(shown)
    return "".join(out)


def show_answer(model: ServedModel, text: str) -> None:
    (answer,) = model.predict([TextInput(text=text)])
    label = str(answer["label"])
    probability = answer["probability"]
    left, right = st.columns(2)
    left.metric("Sentiment", NAMES.get(label, label))
    right.metric(f"Probability of {NAMES.get(label, label)}", f"{probability:.2f}")
    classes = [str(c) for c in model.saved.model.classes_]
    explained = POSITIVE if POSITIVE in classes else label
    influence = word_influence(model.saved.model, text, explained)
    name = NAMES.get(explained, explained)
    st.subheader("Which words pushed the decision")
    st.markdown(highlighted(text, influence))
    st.caption(
        f"Green words raise the probability of {name}, red ones lower it (coloured: at least "
        f"{HIGHLIGHT_SHARE:.0%} of the strongest word's effect). Each word was removed in "
        "turn and the model asked again: the "
        "change is that word's whole effect, through its word and character features."
    )
    st.dataframe(
        pd.DataFrame(
            {
                "word": [w.word for w in influence[:TOP_WORDS]],
                f"change in P({name})": [round(w.change, 4) for w in influence[:TOP_WORDS]],
                "occurrences": [w.count for w in influence[:TOP_WORDS]],
            }
        ),
        hide_index=True,
    )


def show_limits(model: ServedModel) -> None:
    heldout = model.metrics.get("heldout") or {}
    accuracy = heldout.get("accuracy")
    measured = (
        f"On {heldout.get('rows', 'the')} held-out sentences it was right {accuracy:.1%} of the time."
        if accuracy is not None
        else ""
    )
    source = model.saved.metadata.get("extra", {}).get("source", "its training file")
    with st.expander("What this model can and cannot do"):
        st.markdown(
            f"Trained on `{source}`: single sentences from Amazon phone reviews, IMDb film "
            f"reviews and Yelp restaurant reviews (UCI, 2015), half positive, half negative. "
            f"{measured} It has no notion of sarcasm or of negation beyond a few words "
            "(“not bad” is two words it has seen), and text unlike those reviews (other "
            "topics, other languages, long essays) gets a probability that means little."
        )


st.title("Sentiment of a review")
st.caption("Is this review positive or negative, and which words made the model say so?")
sentiment = served_model("sentiment", "level1.textclf")
if sentiment is not None:
    with st.form("review"):
        review = st.text_area(
            "Review",
            max_chars=MAX_TEXT,
            placeholder="The battery lasts all day and the screen is gorgeous.",
        )
        st.form_submit_button("Analyse")
    if review.strip():
        show_answer(sentiment, review)
    show_limits(sentiment)

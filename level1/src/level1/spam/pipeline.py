"""Model: TF-IDF features of words and characters, and the three classifiers we compare.

A scikit-learn :class:`~sklearn.pipeline.Pipeline` glues the two steps together, so
``fit`` learns the vocabulary and the weights from the training texts only and
``predict`` takes raw strings. The feature step is a :class:`~sklearn.pipeline.FeatureUnion`
of two TF-IDF vectorisers placed side by side:

* words and word pairs ("free", "call now"): what a message is about;
* character 2- to 5-grams inside word boundaries: robust to the spellings spam uses
  ("fr33", "c@ll", "txt") and to typos in real messages.

``level1.textclf`` builds its models with the same functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sklearn.base import ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import MultinomialNB
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

__all__ = ["DEFAULT_CANDIDATES", "KINDS", "Candidate", "build_pipeline", "text_features"]

Kind = Literal["nb", "logreg", "svm"]
KINDS: tuple[Kind, ...] = ("nb", "logreg", "svm")
KIND_NAMES = {"nb": "multinomial NB", "logreg": "logistic regression", "svm": "linear SVM"}


def text_features() -> FeatureUnion:
    """Word 1-2-grams and character 2-5-grams, each TF-IDF weighted with log-scaled counts."""
    return FeatureUnion(
        [
            ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)),
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2
                ),
            ),
        ]
    )


@dataclass(frozen=True)
class Candidate:
    """One classifier setting to try: a kind and its regularisation strength.

    ``strength`` is NB's smoothing ``alpha`` or the ``C`` of logistic regression and the
    SVM (larger C = weaker regularisation, a model that trusts the training data more).
    """

    kind: Kind
    strength: float

    def classifier(self) -> ClassifierMixin:
        """A fresh, unfitted classifier for this setting (fixed seeds where there is one)."""
        if self.kind == "nb":
            return MultinomialNB(alpha=self.strength)
        if self.kind == "logreg":
            return LogisticRegression(C=self.strength, max_iter=2000)
        return LinearSVC(C=self.strength, random_state=0)

    @property
    def response_method(self) -> Literal["predict_proba", "decision_function"]:
        """How the classifier scores a text: NB gives probabilities, the linear models a margin."""
        return "predict_proba" if self.kind == "nb" else "decision_function"

    @property
    def default_threshold(self) -> float:
        """The score at which ``predict`` switches class: probability 0.5 or margin 0."""
        return 0.5 if self.kind == "nb" else 0.0

    def __str__(self) -> str:
        knob = "alpha" if self.kind == "nb" else "C"
        return f"{KIND_NAMES[self.kind]} ({knob}={self.strength:g})"


DEFAULT_CANDIDATES: tuple[Candidate, ...] = (
    *(Candidate("nb", alpha) for alpha in (0.03, 0.1, 0.3, 1.0)),
    *(Candidate("logreg", c) for c in (10.0, 100.0)),
    *(Candidate("svm", c) for c in (0.1, 0.3, 1.0, 3.0)),
)


def build_pipeline(candidate: Candidate) -> Pipeline:
    """Raw texts in, labels out: the feature union followed by the candidate's classifier."""
    return Pipeline([("features", text_features()), ("classifier", candidate.classifier())])

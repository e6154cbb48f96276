"""The search space: level 1's spam pipeline with every knob that matters turned into a choice.

Level 1's :func:`~level1.spam.pipeline.build_pipeline` returns a two-step scikit-learn
``Pipeline``: ``features`` (a ``FeatureUnion`` of word and character TF-IDF, from
:func:`~level1.spam.pipeline.text_features`) and ``classifier`` (from
:class:`~level1.spam.pipeline.Candidate`). Its builder takes only a classifier kind and
strength, but the objects it returns can be re-configured, so nothing is copied here:

* ``features`` is searched as a whole: each value is level 1's ``text_features()`` with
  its n-gram ranges, ``min_df`` and ``sublinear_tf`` set. Setting ``min_df`` and
  ``sublinear_tf`` on both vectorisers at once keeps the space small (one knob, not two),
  which a grid over ``features__words__min_df`` and ``features__chars__min_df`` could
  not express;
* ``classifier`` is searched as an estimator (level 1's NB, logistic regression or linear
  SVM, with their fixed seeds), together with its ``alpha`` or ``C`` and ``class_weight``.

The same space is written three ways: a grid (:func:`grid_for_budget`), distributions
for random and successive-halving search (:func:`distributions`, log-uniform for
strengths) and an Optuna define-by-run function (:func:`suggest`).
"""

from __future__ import annotations

import itertools
import math
from typing import TYPE_CHECKING, Any

from scipy.stats import loguniform
from sklearn.base import clone
from sklearn.pipeline import FeatureUnion, Pipeline

from level1.spam.pipeline import Candidate, build_pipeline, text_features

if TYPE_CHECKING:
    import optuna

__all__ = [
    "CHARS",
    "KNOB",
    "STRENGTH_RANGES",
    "WORDS",
    "base_pipeline",
    "classifier",
    "distributions",
    "features",
    "flatten",
    "from_flat",
    "grid_for_budget",
    "suggest",
]

Params = dict[str, Any]

WORDS: tuple[tuple[int, int], ...] = ((1, 2), (1, 1), (1, 3))
CHARS: tuple[tuple[int, int], ...] = ((2, 5), (3, 5), (1, 4))
MIN_DF = (2, 1, 3)
SUBLINEAR = (True, False)
KNOB = {"nb": "alpha", "logreg": "C", "svm": "C"}
STRENGTH_RANGES = {"nb": (1e-3, 1.0), "logreg": (1e-1, 1e3), "svm": (1e-3, 1e2)}
WEIGHTS = (None, "balanced")


def features(
    words: tuple[int, int] = (1, 2),
    chars: tuple[int, int] = (2, 5),
    min_df: int = 2,
    sublinear_tf: bool = True,
) -> FeatureUnion:
    """Level 1's feature union with its n-gram ranges, ``min_df`` and ``sublinear_tf`` set."""
    union: FeatureUnion = text_features().set_params(
        words__ngram_range=tuple(words),
        chars__ngram_range=tuple(chars),
        words__min_df=min_df,
        chars__min_df=min_df,
        words__sublinear_tf=sublinear_tf,
        chars__sublinear_tf=sublinear_tf,
    )
    return union


def classifier(kind: str) -> Any:
    """Level 1's classifier of this kind (its strength is a separate search parameter)."""
    return Candidate(kind, 1.0).classifier()  # type: ignore[arg-type]


def base_pipeline(memory: str | None = None) -> Pipeline:
    """Level 1's pipeline; with ``memory`` (a folder), fitted feature steps are cached there.

    The cache is what makes a grid affordable: every classifier setting that shares a
    feature setting and a CV fold reuses one fitted vectoriser instead of refitting it.
    """
    pipeline = build_pipeline(Candidate("svm", 1.0))
    pipeline.set_params(memory=memory)
    return pipeline


ALL_FEATURES = [
    features(w, c, m, s) for w, c, m, s in itertools.product(WORDS, CHARS, MIN_DF, SUBLINEAR)
]


# --- a grid sized to a budget -----------------------------------------------------------

# Each dimension lists its values most promising first; shrinking drops values from the end.
GRID_DIMENSIONS: dict[str, tuple[Any, ...]] = {
    "words": WORDS,
    "chars": CHARS,
    "min_df": MIN_DF,
    "sublinear_tf": SUBLINEAR,
    "nb_alpha": (0.1, 0.03, 0.3, 0.01),
    "logreg_C": (100.0, 10.0, 1000.0, 1.0),
    "svm_C": (0.3, 1.0, 0.1, 3.0),
    "class_weight": WEIGHTS,
}


def _grid(dims: dict[str, tuple[Any, ...]]) -> list[Params]:
    feature_values = [
        features(w, c, m, s)
        for w, c, m, s in itertools.product(
            dims["words"], dims["chars"], dims["min_df"], dims["sublinear_tf"]
        )
    ]
    grid: list[Params] = [
        {
            "features": feature_values,
            "classifier": [classifier("nb")],
            "classifier__alpha": list(dims["nb_alpha"]),
        }
    ]
    for kind in ("logreg", "svm"):
        grid.append(
            {
                "features": feature_values,
                "classifier": [classifier(kind)],
                "classifier__C": list(dims[f"{kind}_C"]),
                "classifier__class_weight": list(dims["class_weight"]),
            }
        )
    return grid


def grid_size(grid: list[Params]) -> int:
    """How many settings a grid (a list of dicts of lists) holds."""
    return sum(math.prod(len(values) for values in part.values()) for part in grid)


def _size(dims: dict[str, tuple[Any, ...]]) -> int:
    feature_count = math.prod(
        len(dims[key]) for key in ("words", "chars", "min_df", "sublinear_tf")
    )
    weights = len(dims["class_weight"])
    per_features = len(dims["nb_alpha"]) + (len(dims["logreg_C"]) + len(dims["svm_C"])) * weights
    return feature_count * per_features


def grid_for_budget(budget: int, splits: int) -> list[Params]:
    """The largest grid whose settings × ``splits`` fits in ``budget`` fits.

    Starting from the full grid, the dimension with the most values loses its last
    (least promising) value until the grid fits; then dropped values that still fit are
    given back. At worst one setting per kind is left.
    """
    dims = dict(GRID_DIMENSIONS)
    removed: list[str] = []
    while _size(dims) * splits > budget:
        name = max(dims, key=lambda key: (len(dims[key]), key))
        if len(dims[name]) == 1:
            break
        dims[name] = dims[name][:-1]
        removed.append(name)
    for name in reversed(removed):  # give back, most recently dropped first, what still fits
        wider = {**dims, name: GRID_DIMENSIONS[name][: len(dims[name]) + 1]}
        if _size(wider) * splits <= budget:
            dims = wider
    return _grid(dims)


# --- distributions for random and successive-halving search ------------------------------


def distributions() -> list[Params]:
    """One dict per classifier kind; strengths drawn log-uniformly, features uniformly."""
    low, high = STRENGTH_RANGES["nb"]
    space: list[Params] = [
        {
            "features": ALL_FEATURES,
            "classifier": [classifier("nb")],
            "classifier__alpha": loguniform(low, high),
        }
    ]
    for kind in ("logreg", "svm"):
        low, high = STRENGTH_RANGES[kind]
        space.append(
            {
                "features": ALL_FEATURES,
                "classifier": [classifier(kind)],
                "classifier__C": loguniform(low, high),
                "classifier__class_weight": list(WEIGHTS),
            }
        )
    return space


# --- Optuna's define-by-run space ---------------------------------------------------------


def suggest(trial: optuna.Trial) -> Params:
    """Pipeline parameters for one Optuna trial: the same space, asked one question at a time."""
    union = features(
        WORDS[trial.suggest_categorical("words", list(range(len(WORDS))))],
        CHARS[trial.suggest_categorical("chars", list(range(len(CHARS))))],
        trial.suggest_categorical("min_df", list(MIN_DF)),
        trial.suggest_categorical("sublinear_tf", list(SUBLINEAR)),
    )
    kind = trial.suggest_categorical("classifier", ["nb", "logreg", "svm"])
    low, high = STRENGTH_RANGES[kind]
    params: Params = {"features": union, "classifier": classifier(kind)}
    knob = KNOB[kind]
    params[f"classifier__{knob}"] = trial.suggest_float(f"{kind}_{knob}", low, high, log=True)
    if kind != "nb":
        weight = trial.suggest_categorical("class_weight", ["none", "balanced"])
        params["classifier__class_weight"] = None if weight == "none" else weight
    return params


# --- reading a setting back -----------------------------------------------------------------

KIND_OF = {"MultinomialNB": "nb", "LogisticRegression": "logreg", "LinearSVC": "svm"}


def flatten(params: Params) -> dict[str, Any]:
    """A setting as plain values (for tables, JSON and MLflow): n-grams, min_df, kind, strength."""
    pipeline = clone(base_pipeline()).set_params(**params)
    words = pipeline.named_steps["features"].get_params()
    model = pipeline.named_steps["classifier"]
    kind = KIND_OF[type(model).__name__]
    flat: dict[str, Any] = {
        "words": "-".join(map(str, words["words__ngram_range"])),
        "chars": "-".join(map(str, words["chars__ngram_range"])),
        "min_df": int(words["words__min_df"]),
        "sublinear_tf": bool(words["words__sublinear_tf"]),
        "classifier": kind,
        KNOB[kind]: float(getattr(model, KNOB[kind])),
    }
    if kind != "nb":
        flat["class_weight"] = str(model.class_weight)
    return flat


def describe(params: Params) -> str:
    """A setting in one line: ``svm C=0.31 balanced | words 1-2, chars 2-5, min_df 2, sublinear``."""
    flat = flatten(params)
    kind = flat["classifier"]
    knob = KNOB[kind]
    weight = f" {flat['class_weight']}" if flat.get("class_weight", "None") != "None" else ""
    tf = "sublinear" if flat["sublinear_tf"] else "raw tf"
    return (
        f"{kind} {knob}={flat[knob]:.3g}{weight} | words {flat['words']}, chars {flat['chars']},"
        f" min_df {flat['min_df']}, {tf}"
    )


def from_flat(flat: dict[str, Any]) -> Params:
    """The pipeline parameters of a flattened setting (the inverse of :func:`flatten`)."""
    kind = flat["classifier"]
    params: Params = {
        "features": features(
            _pair(flat["words"]),
            _pair(flat["chars"]),
            int(flat["min_df"]),
            bool(flat["sublinear_tf"]),
        ),
        "classifier": classifier(kind),
        f"classifier__{KNOB[kind]}": float(flat[KNOB[kind]]),
    }
    if kind != "nb":
        weight = flat.get("class_weight", "None")
        params["classifier__class_weight"] = None if weight in (None, "None") else weight
    return params


def _pair(text: str) -> tuple[int, int]:
    low, high = text.split("-")
    return int(low), int(high)


def to_pipeline(params: Params, memory: str | None = None) -> Pipeline:
    """A fresh, unfitted pipeline with this setting."""
    pipeline: Pipeline = clone(base_pipeline(memory)).set_params(**params)
    return pipeline

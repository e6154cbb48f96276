"""Streamlit app: a sentiment analyser and a house-price predictor over the API's model folder.

Read in this order: README.md, :mod:`.explain` (occlusion for words, swaps to typical
values for a district: plain functions, no Streamlit), :mod:`.districts` (the training
districts: map, input ranges, typical values), :mod:`.loading` (models cached once per
server, the train-it button), the pages :mod:`.sentiment_page` and :mod:`.price_page`,
the entry script :mod:`.streamlit_app`, then ``__main__`` (``python -m level5.app``)
and :mod:`.browser` (a real Chromium reading the page, for the tour and the tests).

>>> served = load_model("models/sentiment")                         # doctest: +SKIP
>>> word_influence(served.saved.model, "Excellent phone", "1")[0]   # doctest: +SKIP
WordInfluence(word='excellent', change=0.31..., count=1)
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

if TYPE_CHECKING:  # imported on first use, so the CLI starts without Streamlit or scikit-learn
    from level5.api.models import load_model
    from level5.app.districts import INPUTS, OCEAN, Districts, Swap, load_districts
    from level5.app.explain import (
        MAX_WORDS,
        Move,
        WordInfluence,
        feature_moves,
        split_words,
        word_influence,
    )

__all__ = [
    "INPUTS",
    "MAX_WORDS",
    "OCEAN",
    "Districts",
    "Move",
    "Swap",
    "WordInfluence",
    "feature_moves",
    "load_districts",
    "load_model",
    "split_words",
    "word_influence",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)

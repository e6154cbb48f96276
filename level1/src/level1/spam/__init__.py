"""Spam detector: TF-IDF with naive Bayes, logistic regression and a linear SVM on SMS and Enron.

Read in this order: :mod:`.corpus` (data, deduplication, the held-out split),
:mod:`.pipeline` (features and classifiers), :mod:`.search` (cross-validation and the
threshold), :mod:`.metrics` (what "good" means for a spam filter), :mod:`.model` (the
pipeline end to end, saving and loading).

>>> run = train(load_corpus("sms"))                                  # doctest: +SKIP
>>> run.heldout.spam_caught, run.heldout.blocked_ham                 # doctest: +SKIP
(0.931..., 0.0022...)
>>> classify(run.model, ["WINNER!! Claim your prize now"])[0].label  # doctest: +SKIP
'spam'
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

if TYPE_CHECKING:  # imported on first use, so the CLI starts without scikit-learn
    from level1.spam.corpus import (
        CORPORA,
        Corpus,
        corpus_sha256,
        deduplicate,
        heldout_split,
        load_corpus,
        load_enron,
        load_sms,
        read_email,
        synthetic_corpus,
    )
    from level1.spam.metrics import SpamReport, format_confusion, format_report, spam_report
    from level1.spam.model import (
        TOOL,
        Evaluation,
        Scored,
        TrainingRun,
        Verdict,
        classify,
        evaluate,
        load_filter,
        save_filter,
        train,
    )
    from level1.spam.pipeline import (
        DEFAULT_CANDIDATES,
        KINDS,
        Candidate,
        build_pipeline,
        text_features,
    )
    from level1.spam.search import OutOfFold, choose_threshold, cross_validate, response

__all__ = [
    "CORPORA",
    "DEFAULT_CANDIDATES",
    "KINDS",
    "TOOL",
    "Candidate",
    "Corpus",
    "Evaluation",
    "OutOfFold",
    "Scored",
    "SpamReport",
    "TrainingRun",
    "Verdict",
    "build_pipeline",
    "choose_threshold",
    "classify",
    "corpus_sha256",
    "cross_validate",
    "deduplicate",
    "evaluate",
    "format_confusion",
    "format_report",
    "heldout_split",
    "load_corpus",
    "load_enron",
    "load_filter",
    "load_sms",
    "read_email",
    "response",
    "save_filter",
    "spam_report",
    "synthetic_corpus",
    "text_features",
    "train",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)

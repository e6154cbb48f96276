"""textclf: train a text classifier on any labelled CSV/TSV and use it from the command line.

Read in this order: :mod:`.table` (reading and checking a labelled table), :mod:`.model`
(train by cross-validation, evaluate, save, predict; the pipeline itself is the spam
detector's, from :mod:`level1.spam.pipeline`), then ``__main__`` (the ``textclf`` command).

>>> fmt = table_format("amazon_cells_labelled.txt", header=False)   # tab, no quoting, cols 0/1
>>> data = read_labelled("amazon_cells_labelled.txt", fmt)          # doctest: +SKIP
>>> run = train(data, fmt)                                          # doctest: +SKIP
>>> predict(run.model, ["Works great, love it"])[0].label           # doctest: +SKIP
'1'
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

if TYPE_CHECKING:  # imported on first use, so the CLI starts without scikit-learn or pandas
    from level1.textclf.model import (
        CANDIDATES,
        FORMAT_VERSION,
        TOOL,
        ClassReport,
        Prediction,
        TrainingRun,
        class_report,
        evaluate,
        load_classifier,
        predict,
        save_classifier,
        train,
    )
    from level1.textclf.table import (
        LabelledTexts,
        TableError,
        TableFormat,
        check_learnable,
        read_labelled,
        table_format,
    )

__all__ = [
    "CANDIDATES",
    "FORMAT_VERSION",
    "TOOL",
    "ClassReport",
    "LabelledTexts",
    "Prediction",
    "TableError",
    "TableFormat",
    "TrainingRun",
    "check_learnable",
    "class_report",
    "evaluate",
    "load_classifier",
    "predict",
    "read_labelled",
    "save_classifier",
    "table_format",
    "train",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)

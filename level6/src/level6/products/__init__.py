"""Product photos into ten catalogue categories: a Keras CNN on Fashion-MNIST, with
batch normalisation, dropout and augmentation, an RBF SVM baseline, per-class errors
and saliency maps.

Read in this order: ``data`` (the splits), ``model`` (the network and why these
augmentations), ``train``, ``evaluate`` (per class, the confused pairs), ``baseline``,
``saliency``, ``predict`` (a photo made to look like the training data), ``plots``.

TensorFlow loads on first use of a name below, never on ``import level6.products``.
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

if TYPE_CHECKING:
    from level6.products.baseline import BaselineResult, svc_baseline
    from level6.products.data import CLASSES, Split, load_split
    from level6.products.evaluate import Evaluation, evaluate
    from level6.products.model import build_model
    from level6.products.predict import Guess, predict_photo, top_classes
    from level6.products.saliency import saliency_maps
    from level6.products.train import TOOL, TrainResult, fit, train

__all__ = [
    "CLASSES",
    "TOOL",
    "BaselineResult",
    "Evaluation",
    "Guess",
    "Split",
    "TrainResult",
    "build_model",
    "evaluate",
    "fit",
    "load_split",
    "predict_photo",
    "saliency_maps",
    "svc_baseline",
    "top_classes",
    "train",
]

__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)

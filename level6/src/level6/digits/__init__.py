"""Handwritten digits: level 6's NumPy MLP and a Keras CNN on MNIST.

Read in this order: ``data`` (MNIST from the registry, the validation split),
``models`` (the two networks and their model folders), ``train``, ``evaluate``,
``plots``, ``predict`` (turning a photo into an MNIST-style image), ``draw`` (the Tk
canvas), ``__main__`` (the CLI).
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

if TYPE_CHECKING:
    from level6.digits.data import Digits, load_digits
    from level6.digits.evaluate import Evaluation, evaluate
    from level6.digits.models import DigitModel, build_cnn, load_model
    from level6.digits.predict import as_mnist, predict_grey, predict_image
    from level6.digits.train import train_cnn, train_mlp

__all__ = [
    "DigitModel",
    "Digits",
    "Evaluation",
    "as_mnist",
    "build_cnn",
    "evaluate",
    "load_digits",
    "load_model",
    "predict_grey",
    "predict_image",
    "train_cnn",
    "train_mlp",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)

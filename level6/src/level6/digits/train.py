"""Train either digit model on MNIST's training images, choosing nothing on the test set.

Both runs report the validation accuracy after each epoch (the last 5,000 training
images, never trained on); the test images are left for ``evaluate``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from level6.digits.data import Digits
from level6.digits.models import CNN_TOOL, MLP_HIDDEN, build_cnn, save_mlp
from level6.nn import MLP, TrainingHistory

__all__ = ["EpochReport", "TrainResult", "train_cnn", "train_mlp"]

EpochReport = Callable[[int, int, float, float], None]
"""``report(epoch, epochs, training_loss, validation_accuracy)`` after each epoch."""


@dataclass
class TrainResult:
    directory: Path
    kind: str
    loss: list[float] = field(default_factory=list)
    val_accuracy: list[float] = field(default_factory=list)
    seconds: float = 0.0


def train_mlp(
    digits: Digits, out: Path, *, epochs: int = 10, seed: int = 0, report: EpochReport | None = None
) -> TrainResult:
    """The NumPy MLP (784-512-256-10, ReLU): SGD with momentum 0.9, batches of 64, a
    learning rate of 0.05 shrinking by 15% an epoch."""
    start = time.perf_counter()
    flat = digits.train_images.reshape(len(digits.train_images), -1).astype(np.float64)
    val = digits.val_images.reshape(len(digits.val_images), -1).astype(np.float64)
    net = MLP([784, *MLP_HIDDEN, 10], activation="relu", seed=seed)

    def on_epoch(epoch: int, history: TrainingHistory) -> None:
        if report is not None:
            report(epoch + 1, epochs, history.loss[-1], history.val_accuracy[-1])

    history = net.fit(
        flat,
        digits.train_labels,
        epochs=epochs,
        batch_size=64,
        learning_rate=0.05,
        learning_rate_decay=0.85,
        momentum=0.9,
        seed=seed,
        validation=(val, digits.val_labels),
        on_epoch=on_epoch,
    )
    seconds = time.perf_counter() - start
    save_mlp(
        net,
        out,
        metrics={"val_accuracy": history.val_accuracy[-1], "train_seconds": round(seconds, 1)},
        data_sha256=digits.sha256,
        extra={
            "epochs": epochs,
            "seed": seed,
            "train_images": len(flat),
            "loss": history.loss,
            "val_accuracy": history.val_accuracy,
        },
    )
    return TrainResult(out, "mlp", history.loss, history.val_accuracy, seconds)


def train_cnn(
    digits: Digits,
    out: Path,
    *,
    epochs: int = 12,
    seed: int = 0,
    batch_size: int = 128,
    report: EpochReport | None = None,
) -> TrainResult:
    """The Keras CNN (``models.build_cnn``): Adam with a cosine-decaying learning rate
    from 0.001, batches of 128, bit-reproducible under ``seed``."""
    from level6 import modelfile
    from level6.backend import load_keras, seed_everything

    keras = load_keras()
    seed_everything(seed)
    start = time.perf_counter()
    model = build_cnn()
    steps = epochs * -(-len(digits.train_images) // batch_size)
    model.compile(
        optimizer=keras.optimizers.Adam(keras.optimizers.schedules.CosineDecay(1e-3, steps)),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    callbacks: list[Any] = []
    if report is not None:
        callbacks.append(
            keras.callbacks.LambdaCallback(
                on_epoch_end=lambda epoch, logs: report(
                    epoch + 1, epochs, float(logs["loss"]), float(logs["val_accuracy"])
                )
            )
        )
    fitted = model.fit(
        digits.train_images[..., np.newaxis],
        digits.train_labels,
        validation_data=(digits.val_images[..., np.newaxis], digits.val_labels),
        epochs=epochs,
        batch_size=batch_size,
        callbacks=callbacks,
        verbose=0,
    )
    seconds = time.perf_counter() - start
    loss = [float(v) for v in fitted.history["loss"]]
    val_accuracy = [float(v) for v in fitted.history["val_accuracy"]]
    modelfile.save(
        model,
        out,
        tool=CNN_TOOL,
        metrics={"val_accuracy": val_accuracy[-1], "train_seconds": round(seconds, 1)},
        data_sha256=digits.sha256,
        extra={
            "epochs": epochs,
            "seed": seed,
            "train_images": len(digits.train_images),
            "loss": loss,
            "val_accuracy": val_accuracy,
        },
    )
    return TrainResult(out, "cnn", loss, val_accuracy, seconds)

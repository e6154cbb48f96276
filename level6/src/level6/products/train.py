"""Train the CNN on Fashion-MNIST, choose nothing on the test set, save the model folder."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from level6 import modelfile
from level6.backend import load_keras, seed_everything
from level6.products.data import Split, data_sha256, load_split
from level6.products.model import build_model

__all__ = ["BATCH_SIZE", "TOOL", "TrainResult", "fit", "train"]

TOOL = "level6.products"
BATCH_SIZE = 128


@dataclass
class TrainResult:
    """What a training run measured: per-epoch curves, the validation figure, the time."""

    model: Any
    loss: list[float] = field(default_factory=list)
    accuracy: list[float] = field(default_factory=list)
    val_accuracy: list[float] = field(default_factory=list)
    train_images: int = 0
    seconds: float = 0.0

    @property
    def parameters(self) -> int:
        return int(self.model.count_params())


def fit(
    train_split: Split,
    validation: Split,
    *,
    epochs: int,
    seed: int,
    report: Callable[[str], None] | None = None,
) -> TrainResult:
    """A freshly seeded model trained for ``epochs`` epochs; ``report`` gets a line per epoch."""
    keras = load_keras()
    seed_everything(seed)
    model = build_model(epochs * math.ceil(len(train_split) / BATCH_SIZE))
    start = time.perf_counter()

    def epoch_line(epoch: int, logs: dict[str, float]) -> None:
        if report is not None:
            report(
                f"epoch {epoch + 1}/{epochs}: loss {logs['loss']:.4f}, train accuracy "
                f"{logs['accuracy']:.4f}, validation accuracy {logs['val_accuracy']:.4f} "
                f"({time.perf_counter() - start:.0f} s)"
            )

    history = model.fit(
        train_split.images,
        train_split.labels,
        validation_data=(validation.images, validation.labels),
        epochs=epochs,
        batch_size=BATCH_SIZE,
        shuffle=True,
        verbose=0,
        callbacks=[keras.callbacks.LambdaCallback(on_epoch_end=epoch_line)],
    )
    return TrainResult(
        model=model,
        loss=[float(v) for v in history.history["loss"]],
        accuracy=[float(v) for v in history.history["accuracy"]],
        val_accuracy=[float(v) for v in history.history["val_accuracy"]],
        train_images=len(train_split),
        seconds=time.perf_counter() - start,
    )


def train(
    out: Path,
    *,
    epochs: int,
    limit: int | None = None,
    seed: int = 0,
    root: Path | None = None,
    report: Callable[[str], None] | None = None,
) -> TrainResult:
    """Train on the first ``limit`` of the 55,000 training images (all by default),
    validate on the held-out 5,000 and save the model folder ``out``."""
    result = fit(
        load_split("train", root=root).head(limit),
        load_split("validation", root=root),
        epochs=epochs,
        seed=seed,
        report=report if report is not None else _stdout_line,
    )
    modelfile.save(
        result.model,
        out,
        tool=TOOL,
        metrics={
            "val_accuracy": round(result.val_accuracy[-1], 4),
            "train_seconds": round(result.seconds, 1),
        },
        data_sha256=data_sha256(root),
        extra={
            "epochs": epochs,
            "train_images": result.train_images,
            "seed": seed,
            "parameters": result.parameters,
        },
    )
    return result


def _stdout_line(text: str) -> None:
    print(text, flush=True)

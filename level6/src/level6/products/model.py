"""The convolutional network: augmentation, two convolution blocks, a small dense head.

Augmentation layers sit inside the model, so a saved model carries them and they act
only while training (Keras turns them off at inference). Which ones make sense follows
from how the photos were made: every article is upright and scaled so its longer side
fills the frame. A mirrored shirt is still a shirt, and a pixel or two of shift is the
slack of the centring, so the model sees random horizontal flips and small
translations. Rotations (a catalogue photo is never tilted), vertical flips (trousers
upside down) and zoom (the scale is fixed by how the data was made) would teach it
images it never meets.

The convolution blocks are level 6's shared VGG-style block (``level6.blocks``): batch
normalisation after each convolution lets a higher learning rate train stably. Dropout
after each block and in the head is light: within an 8-epoch budget the risk is
underfitting, not overfitting. The learning rate follows a cosine from 2e-3 down to 0
over the run, which settles the weights in the last epochs instead of stopping
mid-stride.
"""

from __future__ import annotations

from typing import Any

from level6.backend import load_keras
from level6.blocks import conv_block

__all__ = ["BLOCK_DROPOUT", "HEAD_DROPOUT", "LEARNING_RATE", "SHIFT", "build_model"]

LEARNING_RATE = 2e-3
# Chosen on the validation split (README): with 0.08 / 0.25 / 0.4 the 8-epoch run
# underfit (validation accuracy 0.926, training loss still 0.25); these reached 0.935.
SHIFT = 0.05  # random translation, as a fraction of 28 pixels: up to about 1.4 pixels
BLOCK_DROPOUT = 0.1
HEAD_DROPOUT = 0.25


def build_model(total_steps: int, *, width: int = 32) -> Any:  # a compiled keras.Sequential
    """A compiled CNN for 28×28×1 images and 10 classes; the learning rate decays to 0
    over ``total_steps`` batches. ``width`` is the first block's filter count."""
    keras = load_keras()
    layers = keras.layers
    model = keras.Sequential(
        [
            keras.Input((28, 28, 1)),
            layers.RandomFlip("horizontal", name="augment_flip"),
            layers.RandomTranslation(
                SHIFT, SHIFT, fill_mode="constant", fill_value=0.0, name="augment_shift"
            ),
            *conv_block(width, BLOCK_DROPOUT),
            *conv_block(2 * width, BLOCK_DROPOUT),
            # level6.blocks.dense_head, but with the logits as a layer of their own:
            # the saliency maps take the gradient of a class's logit, before the softmax
            layers.Flatten(),
            layers.Dense(4 * width, use_bias=False),
            layers.BatchNormalization(momentum=0.9),
            layers.ReLU(),
            layers.Dropout(HEAD_DROPOUT),
            layers.Dense(10, name="logits"),
            layers.Softmax(name="probabilities"),
        ],
        name="products_cnn",
    )
    schedule = keras.optimizers.schedules.CosineDecay(LEARNING_RATE, max(1, total_steps))
    model.compile(
        optimizer=keras.optimizers.Adam(schedule),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model

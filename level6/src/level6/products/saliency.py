"""Saliency maps: which pixels would change the class score most if they changed.

For an image x and the score s_c(x) of class c (the logit, before the softmax mixes the
classes together), the map is |∂s_c/∂x| per pixel (Simonyan et al. 2013), taken with
``tf.GradientTape``. It is a local, first-order explanation: it shows what the model is
sensitive to around this one image, not what it "looks for" in general. A model that
files trousers by the gap between the legs lights up there; one that looks at the
background would be caught here.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from level6.backend import load_keras

__all__ = ["saliency_maps"]


def saliency_maps(
    model: Any, images: NDArray[np.float32], classes: NDArray[np.int64] | None = None
) -> NDArray[np.float32]:
    """|gradient of the class logit w.r.t. each pixel|, shape (n, 28, 28), all >= 0.

    ``classes`` picks the class per image; by default the model's own prediction.
    Augmentation is off (``training=False``), so the map explains the deployed model.
    """
    keras = load_keras()
    import tensorflow as tf  # after load_keras, which silences its start-up lines

    scores = keras.Model(model.inputs, model.get_layer("logits").output)
    pixels = tf.convert_to_tensor(images, dtype=tf.float32)
    with tf.GradientTape() as tape:
        tape.watch(pixels)
        logits = scores(pixels, training=False)
        chosen = tf.argmax(logits, axis=1) if classes is None else tf.constant(classes)
        score = tf.gather(logits, chosen, axis=1, batch_dims=1)
    gradient = tape.gradient(score, pixels)
    return np.asarray(np.abs(gradient.numpy())[..., 0], dtype=np.float32)

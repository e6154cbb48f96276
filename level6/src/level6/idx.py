"""Read the IDX files MNIST and Fashion-MNIST come in.

IDX (LeCun's format): a 4-byte magic number (two zero bytes, a type code, the number of
dimensions), one big-endian uint32 per dimension, then the data in C order. Both
datasets use type 0x08 (unsigned bytes): images are (n, 28, 28), labels (n,).
The files are gzip-compressed; this reads them as they come from the registry.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

__all__ = ["IdxError", "load_split", "pinned_sha256", "read_idx"]

_UBYTE = 0x08


class IdxError(ValueError):
    """A file that is not the IDX data it claims to be."""


def read_idx(path: Path) -> NDArray[np.uint8]:
    """The array stored in one (gzipped) IDX file of unsigned bytes."""
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rb") as handle:
            data = handle.read()
    except (OSError, EOFError) as exc:  # gzip raises BadGzipFile (an OSError) or EOFError
        raise IdxError(f"{path} cannot be read as gzip ({exc}); fetch it again") from None
    if len(data) < 4 or data[0] != 0 or data[1] != 0 or data[2] != _UBYTE:
        raise IdxError(f"{path} is not an IDX file of unsigned bytes")
    dims = data[3]
    header = 4 + 4 * dims
    shape = tuple(int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(dims))
    if len(data) != header + int(np.prod(shape)):
        raise IdxError(
            f"{path}: header says {shape}, but the file holds {len(data) - header} bytes"
        )
    return np.frombuffer(data, dtype=np.uint8, offset=header).reshape(shape)


def load_split(folder: Path, split: str) -> tuple[NDArray[np.uint8], NDArray[np.uint8]]:
    """``(images, labels)`` of the ``train`` or ``t10k`` split in an MNIST-style folder."""
    images = read_idx(folder / f"{split}-images-idx3-ubyte.gz")
    labels = read_idx(folder / f"{split}-labels-idx1-ubyte.gz")
    if images.ndim != 3 or labels.ndim != 1 or len(images) != len(labels):
        raise IdxError(
            f"{folder}: {split} images {images.shape} do not match labels {labels.shape}"
        )
    return images, labels


def pinned_sha256(dataset: str, file_name: str) -> str:
    """The pinned sha256 of one file of a registry dataset (``locate`` has verified it)."""
    from level0 import datasets

    for item in datasets.REGISTRY[dataset].items:
        if isinstance(item, datasets.File) and item.path.endswith("/" + file_name):
            return item.sha256
    raise KeyError(f"{dataset} has no file {file_name}")

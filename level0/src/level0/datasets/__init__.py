"""The data registry: real public datasets, pinned by sha256, cached locally and verified.

    from level0 import datasets
    folder = datasets.fetch("titanic")       # downloads once, verifies, returns the folder
    train = folder / "train.csv"
    datasets.locate("titanic")               # the same, but never downloads

Set ``MLROADMAP_DATA`` to use a folder of pre-downloaded files (CI does).
"""

from typing import TYPE_CHECKING

from level0.datasets import catalog as catalog  # registers the datasets: light, so eager
from level0.lazy import lazy_exports

if TYPE_CHECKING:  # the store loads pooch and requests: imported on first use
    from level0.datasets.archive import SafeArchive, UnsafeArchive
    from level0.datasets.registry import REGISTRY, Dataset, File, Folder, register, tree_sha256
    from level0.datasets.store import (
        DatasetError,
        DatasetMissing,
        DownloadError,
        ItemStatus,
        UnknownDataset,
        check,
        data_home,
        fetch,
        get,
        locate,
    )

__all__ = [
    "REGISTRY",
    "Dataset",
    "DatasetError",
    "DatasetMissing",
    "DownloadError",
    "File",
    "Folder",
    "ItemStatus",
    "SafeArchive",
    "UnknownDataset",
    "UnsafeArchive",
    "check",
    "data_home",
    "fetch",
    "get",
    "locate",
    "register",
    "tree_sha256",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)

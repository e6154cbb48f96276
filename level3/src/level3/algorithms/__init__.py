"""Six ML algorithms from scratch in NumPy, each a scikit-learn estimator checked against sklearn's twin.

Read one module at a time; each holds one algorithm with its maths in the docstring:

* :class:`LogisticRegression` (``logistic.py``): L2 logistic regression, gradient
  descent or Newton/IRLS;
* :class:`DecisionTreeClassifier` (``tree.py``): CART with Gini or entropy;
* :class:`KNeighborsClassifier` (``knn.py``): k-NN with vectorised distances;
* :class:`LinearSVC` (``svm.py``): a linear SVM, hinge loss, trained by Pegasos;
* :class:`KMeans` (``kmeans.py``): Lloyd's algorithm from k-means++ starts;
* :class:`PCA` (``pca.py``): principal components via the SVD.

They follow scikit-learn's estimator API (``fit``/``predict``/``transform``,
parameters in ``__init__``, fitted attributes ending in ``_``), pass its estimator
checks and plug into its Pipelines. :func:`compare` fits each next to its
scikit-learn counterpart on the bundled datasets (:data:`DATASETS`), and
:func:`sweep` shows the bias/variance trade-off of one complexity parameter.
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

if TYPE_CHECKING:  # imported on first use, so the CLI starts without scikit-learn
    from level3.algorithms.compare import ALGORITHMS, DATASETS, Comparison, compare, format_table
    from level3.algorithms.kmeans import KMeans
    from level3.algorithms.knn import KNeighborsClassifier
    from level3.algorithms.logistic import LogisticRegression
    from level3.algorithms.pca import PCA
    from level3.algorithms.svm import LinearSVC
    from level3.algorithms.sweep import SWEEPS, SweepPoint, plot_sweep, sweep
    from level3.algorithms.tree import DecisionTreeClassifier

__all__ = [
    "ALGORITHMS",
    "DATASETS",
    "PCA",
    "SWEEPS",
    "Comparison",
    "DecisionTreeClassifier",
    "KMeans",
    "KNeighborsClassifier",
    "LinearSVC",
    "LogisticRegression",
    "SweepPoint",
    "compare",
    "format_table",
    "plot_sweep",
    "sweep",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)

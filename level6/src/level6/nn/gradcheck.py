"""Check an analytic gradient against finite differences: the standard test of backprop.

For each parameter θ_i, (L(θ + h·e_i) − L(θ − h·e_i)) / 2h approximates ∂L/∂θ_i with an
error of order h². The comparison uses the relative error |a − n| / max(|a| + |n|, tiny),
as in CS231n's notes: below about 1e-7 in float64 the backward pass is right.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

__all__ = ["numerical_gradient", "relative_error"]


def numerical_gradient(
    loss: Callable[[], float], parameter: NDArray[np.float64], step: float = 1e-6
) -> NDArray[np.float64]:
    """∂loss/∂parameter by central differences, changing ``parameter`` in place and
    restoring it (``loss`` reads the parameter through the model that owns it)."""
    grad = np.zeros_like(parameter)
    for index in np.ndindex(parameter.shape):
        original = parameter[index]
        parameter[index] = original + step
        plus = loss()
        parameter[index] = original - step
        minus = loss()
        parameter[index] = original
        grad[index] = (plus - minus) / (2 * step)
    return grad


def relative_error(analytic: NDArray[np.float64], numeric: NDArray[np.float64]) -> float:
    """The largest elementwise |a − n| / (|a| + |n|), with a floor so zeros compare as equal."""
    scale = np.maximum(np.abs(analytic) + np.abs(numeric), 1e-8)
    return float((np.abs(analytic - numeric) / scale).max())

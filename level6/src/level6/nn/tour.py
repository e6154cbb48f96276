"""Tour step: the perceptron's limit, XOR by autograd, a gradient check and the NumPy MLP on digits."""

from __future__ import annotations

from pathlib import Path

from level0.tour import TourResult
from level6.nn import demos


def run(out: Path) -> TourResult:
    """All four demonstrations; the digits curves go to ``out/digits8_curves.png``."""
    gates = {r.gate: r.converged for r in demos.perceptron_gates()}
    _, xor_outputs = demos.xor_by_autograd()
    xor_solved = [o > 0 for o in xor_outputs] == [False, True, True, False]
    worst = max(error for _, error in demos.gradient_check([5, 8, 4], "tanh"))
    curves = out / "digits8_curves.png"
    learned = demos.learn_digits(plot=curves)
    separable = ", ".join(g for g, ok in gates.items() if ok)
    never = ", ".join(g for g, ok in gates.items() if not ok) or "none"
    return TourResult(
        data="real",
        key_result=(
            f"perceptron converges on {separable}, never on {never}; "
            f"autograd MLP {'solves' if xor_solved else 'fails'} xor; backprop vs finite "
            f"differences {worst:.0e}; NumPy MLP on 8x8 digits: test accuracy {learned.test_accuracy:.3f}"
        ),
        files=[curves],
    )

"""python -m level6.nn: the perceptron's limit, backprop by hand, and a gradient check."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from level0.cli import UsageError, int_in, make_parser, run

ACTIVATION_NAMES = ("sigmoid", "tanh", "relu")


def build_parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = make_parser(
        "python -m level6.nn",
        "Neural networks from scratch: a perceptron on logic gates, XOR learned by a scalar "
        "autograd engine, backpropagation checked against finite differences, and a NumPy "
        "MLP learning 8x8 digits.",
        "python -m level6.nn perceptron && python -m level6.nn learn --plot curves.png",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    gates = commands.add_parser("perceptron", help="Rosenblatt's rule on AND, OR, NAND and XOR")
    gates.add_argument(
        "--epochs", type=int_in(1, 100_000), default=100, help="epoch limit (default 100)"
    )
    gates.add_argument("--json", action="store_true", help="print the table as JSON")

    xor = commands.add_parser("xor", help="XOR learned by the scalar autograd engine")
    xor.add_argument("--steps", type=int_in(1, 5_000), default=200, help="default 200")
    xor.add_argument("--hidden", type=int_in(2, 32), default=4, help="hidden neurons (default 4)")

    check = commands.add_parser("gradcheck", help="backprop against finite differences")
    check.add_argument(
        "--sizes",
        type=int_in(1, 64),
        nargs="+",
        default=[5, 8, 4],
        metavar="N",
        help="layer sizes, input first (default 5 8 4)",
    )
    check.add_argument("--activation", choices=ACTIVATION_NAMES, default="tanh")

    learn = commands.add_parser("learn", help="the NumPy MLP on scikit-learn's 8x8 digits")
    learn.add_argument("--epochs", type=int_in(1, 500), default=20, help="default 20")
    learn.add_argument("--hidden", type=int_in(1, 1024), default=64, help="default 64")
    learn.add_argument("--plot", type=Path, metavar="PNG", help="save the training curves")
    learn.add_argument("--json", action="store_true", help="print the result as JSON")
    return parser


def handle(args: argparse.Namespace) -> int:
    from level6.nn import demos

    if args.command == "perceptron":
        results = demos.perceptron_gates(args.epochs)
        if args.json:
            print(json.dumps([asdict(r) for r in results], indent=2))
            return 0
        print(f"{'gate':<6}{'converged':>10}{'epochs':>8}{'accuracy':>10}")
        for r in results:
            print(
                f"{r.gate:<6}{'yes' if r.converged else 'no':>10}{r.epochs:>8}{r.accuracy:>10.2f}"
            )
        print(
            "XOR is not linearly separable: no line puts (0,1),(1,0) on one side and (0,0),(1,1) on the other."
        )
    elif args.command == "xor":
        losses, outputs = demos.xor_by_autograd(args.steps, args.hidden)
        print(f"squared error: {losses[0]:.3f} at step 1 -> {losses[-1]:.4f} at step {len(losses)}")
        for point, out, target in zip(
            ("0,0", "0,1", "1,0", "1,1"), outputs, (-1, 1, 1, -1), strict=True
        ):
            print(f"  xor({point}) -> {out:+.3f} (target {target:+d})")
    elif args.command == "gradcheck":
        rows = demos.gradient_check(list(args.sizes), args.activation)
        for name, error in rows:
            print(f"{name:<4} relative error {error:.2e}")
        worst = max(error for _, error in rows)
        print(
            f"largest relative error {worst:.2e}: {'backprop agrees' if worst < 1e-5 else 'CHECK THE BACKWARD PASS'}"
        )
    else:
        if args.plot is not None:
            if args.plot.is_dir() or args.plot.suffix.lower() != ".png":
                raise UsageError(f"--plot {args.plot}: name a .png file, such as curves.png")
            args.plot.parent.mkdir(parents=True, exist_ok=True)
        result = demos.learn_digits(args.epochs, args.hidden, plot=args.plot)
        summary = {
            "train_images": result.n_train,
            "test_images": result.n_test,
            "loss_first_epoch": round(result.history.loss[0], 4),
            "loss_last_epoch": round(result.history.loss[-1], 4),
            "test_accuracy": round(result.test_accuracy, 4),
        }
        if args.json:
            print(json.dumps(summary, indent=2))
        else:
            print(
                f"8x8 digits, {result.n_train} training / {result.n_test} test images: loss "
                f"{summary['loss_first_epoch']} -> {summary['loss_last_epoch']}, test accuracy "
                f"{result.test_accuracy:.3f} (chance 0.100)"
            )
            if args.plot is not None:
                print(f"curves: {args.plot}")
    return 0


def main(argv: list[str] | None = None) -> int:
    return run(build_parser(), handle, argv)


if __name__ == "__main__":
    sys.exit(main())

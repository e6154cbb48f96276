"""python -m level6.digits: train, evaluate and use MNIST digit classifiers."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from level0.cli import Failure, UsageError, int_in, make_parser, run

if TYPE_CHECKING:
    from level6.digits.models import DigitModel

KINDS = ("mlp", "cnn")
DEFAULT_EPOCHS = {"mlp": 10, "cnn": 12}


def build_parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = make_parser(
        "python -m level6.digits",
        "Handwritten digits (MNIST): level 6's NumPy MLP and a Keras CNN, their mistakes, "
        "and predictions for your own photos and drawings.",
        "python -m level6.digits train --model cnn -o models/cnn && "
        "python -m level6.digits predict models/cnn my_digit.png",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    train = commands.add_parser("train", help="train a model on the 55,000 training images")
    train.add_argument("--model", choices=KINDS, default="cnn", help="default cnn")
    train.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    train.add_argument("--epochs", type=int_in(1, 200), help="default 10 for mlp, 12 for cnn")
    train.add_argument(
        "--limit", type=int_in(100, 55_000), help="train on the first N images only (quick runs)"
    )
    train.add_argument("--seed", type=int_in(0, 2**31 - 1), default=0)

    evaluate = commands.add_parser("evaluate", help="test accuracy, confusions and plots")
    evaluate.add_argument("model_dir", type=Path, metavar="DIR")
    evaluate.add_argument("--plots", type=Path, metavar="OUT", help="write the PNGs to this folder")
    evaluate.add_argument("--json", action="store_true", help="print the result as JSON")

    predict = commands.add_parser("predict", help="read the digit in image files")
    predict.add_argument("model_dir", type=Path, metavar="DIR")
    predict.add_argument("images", type=Path, nargs="+", metavar="IMAGE")
    predict.add_argument("--json", action="store_true", help="print the result as JSON")

    draw = commands.add_parser("draw", help="draw digits with the mouse (needs a display)")
    draw.add_argument("model_dir", type=Path, metavar="DIR")
    return parser


def _report(epoch: int, epochs: int, loss: float, val_accuracy: float) -> None:
    print(
        f"epoch {epoch}/{epochs}: loss {loss:.4f}, validation accuracy {val_accuracy:.4f}",
        file=sys.stderr,
        flush=True,
    )


def _load(directory: Path) -> DigitModel:
    from level1.modelstore import ModelError
    from level6.digits.models import load_model

    if not directory.is_dir():
        raise Failure(
            f"{directory} is not a folder; train a model first (python -m level6.digits train -o {directory})"
        )
    try:
        return load_model(directory)
    except ModelError as exc:
        raise Failure(str(exc)) from None


def handle(args: argparse.Namespace) -> int:
    if args.command == "train":
        return _train(args)
    model = _load(args.model_dir)
    if args.command == "evaluate":
        return _evaluate(model, args)
    if args.command == "predict":
        return _predict(model, args)
    return _draw(model)


def _train(args: argparse.Namespace) -> int:
    from level1.modelstore import ModelError, check_writable
    from level6.digits.data import load_digits
    from level6.digits.train import train_cnn, train_mlp

    try:
        check_writable(args.output)  # before minutes of training, not after
    except ModelError as exc:
        raise UsageError(str(exc)) from None
    digits = load_digits(args.limit)
    epochs = args.epochs or DEFAULT_EPOCHS[args.model]
    trainer = train_mlp if args.model == "mlp" else train_cnn
    result = trainer(digits, args.output, epochs=epochs, seed=args.seed, report=_report)
    print(
        f"{args.model}: {len(digits.train_images):,} images, {epochs} epochs in {result.seconds:.0f} s; "
        f"validation accuracy {result.val_accuracy[-1]:.4f}; saved to {result.directory}"
    )
    return 0


def _evaluate(model: DigitModel, args: argparse.Namespace) -> int:
    from level6.digits import plots
    from level6.digits.data import load_digits
    from level6.digits.evaluate import evaluate

    digits = load_digits(limit=100)  # only the test split is used here
    result = evaluate(model, digits.test_images, digits.test_labels)
    files = []
    if args.plots is not None:
        args.plots.mkdir(parents=True, exist_ok=True)
        title = f"MNIST {model.kind}"
        extra = model.metadata.get("extra", {})
        if extra.get("loss"):
            files.append(
                plots.plot_curves(
                    extra["loss"],
                    extra["val_accuracy"],
                    f"{title} training",
                    args.plots / f"{model.kind}_curves.png",
                )
            )
        files.append(
            plots.plot_confusion(result, title, args.plots / f"{model.kind}_confusion.png")
        )
        files.append(
            plots.plot_mistakes(
                result, digits.test_images, title, args.plots / f"{model.kind}_mistakes.png"
            )
        )
    summary = {
        "model": model.kind,
        "test_images": len(digits.test_images),
        "accuracy": round(result.accuracy, 4),
        "per_class": [round(a, 4) for a in result.per_class],
        "top_confusions": [
            {"true": t, "predicted": p, "count": c} for t, p, c in result.top_confusions()
        ],
        "plots": [str(f) for f in files],
    }
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    print(
        f"{model.kind}: test accuracy {result.accuracy:.4f} on {len(digits.test_images):,} images ({len(digits.test_images) - round(result.accuracy * len(digits.test_images))} errors)"
    )
    print("per digit: " + "  ".join(f"{d}:{a:.3f}" for d, a in enumerate(result.per_class)))
    print(
        "most frequent confusions: "
        + ", ".join(f"{t}->{p} x{c}" for t, p, c in result.top_confusions())
    )
    for f in files:
        print(f"plot: {f}")
    return 0


def _predict(model: DigitModel, args: argparse.Namespace) -> int:
    from level6.digits.predict import predict_image
    from level6.images import ImageError

    rows: list[dict[str, Any]] = []
    for path in args.images:
        try:
            probabilities = predict_image(model, path)
        except ImageError as exc:
            raise Failure(str(exc)) from None
        ranked = probabilities.argsort()[::-1][:3]
        rows.append(
            {
                "image": str(path),
                "digit": int(ranked[0]),
                "top3": [
                    {"digit": int(d), "probability": round(float(probabilities[d]), 4)}
                    for d in ranked
                ],
            }
        )
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        for row in rows:
            others = ", ".join(f"{t['digit']} {t['probability']:.1%}" for t in row["top3"])
            print(f"{row['image']}: {row['digit']}  ({others})")
    return 0


def _draw(model: DigitModel) -> int:
    import tkinter as tk

    from level6.digits.draw import DrawingPad

    try:
        root = tk.Tk()
    except tk.TclError as exc:
        raise Failure(
            f"no display to draw on ({exc}); run it on a desktop, or under xvfb-run"
        ) from None
    DrawingPad(root, model)
    root.mainloop()
    return 0


def main(argv: list[str] | None = None) -> int:
    return run(build_parser(), handle, argv)


if __name__ == "__main__":
    sys.exit(main())

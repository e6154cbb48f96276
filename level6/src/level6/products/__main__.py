"""python -m level6.products: train, evaluate, explain and use the product-photo classifier."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from level0.cli import UsageError, int_in, make_parser, run

DEFAULT_EPOCHS = 8  # fits the 10-minute budget on 2 cores (see README)


def build_parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = make_parser(
        "python -m level6.products",
        "Sort product photos into Fashion-MNIST's ten categories with a Keras CNN (batch "
        "normalisation, dropout, augmentation); compare it with an RBF SVM; see per-class "
        "errors, the confused pairs and saliency maps.",
        "python -m level6.products train -o cnn && python -m level6.products evaluate cnn",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    train = commands.add_parser("train", help="train the CNN and save a model folder")
    train.add_argument("-o", "--out", type=Path, required=True, metavar="DIR", help="model folder")
    train.add_argument(
        "--epochs",
        type=int_in(1, 100),
        default=DEFAULT_EPOCHS,
        help=f"default {DEFAULT_EPOCHS}",
    )
    train.add_argument(
        "--limit", type=int_in(100, 55_000), help="train on the first N images (default all)"
    )
    train.add_argument("--seed", type=int_in(0, 2**31 - 1), default=0, help="default 0")

    evaluate = commands.add_parser("evaluate", help="test accuracy, per class, confusion.png")
    evaluate.add_argument("model", type=Path, metavar="DIR", help="a folder made by train")
    evaluate.add_argument(
        "--plot", type=Path, metavar="PNG", help="confusion matrix (default DIR/confusion.png)"
    )
    evaluate.add_argument("--json", action="store_true", help="print the result as JSON")

    saliency = commands.add_parser("saliency", help="saliency maps of a few test images")
    saliency.add_argument("model", type=Path, metavar="DIR", help="a folder made by train")
    saliency.add_argument("-o", "--out", type=Path, required=True, metavar="PNG")
    saliency.add_argument("--count", type=int_in(1, 10), default=6, help="images (default 6)")

    predict = commands.add_parser("predict", help="top-3 categories for a product photo")
    predict.add_argument("model", type=Path, metavar="DIR", help="a folder made by train")
    predict.add_argument("image", type=Path, metavar="IMAGE", help="one item, plain background")
    predict.add_argument("--json", action="store_true", help="print the result as JSON")

    baseline = commands.add_parser("baseline", help="the RBF SVM baseline on a subsample")
    baseline.add_argument(
        "--limit", type=int_in(100, 55_000), default=10_000, help="training images (10,000)"
    )
    baseline.add_argument("--json", action="store_true", help="print the result as JSON")
    return parser


def png_path(path: Path, flag: str, example: str) -> Path:
    """``path`` if it names a .png file, else a usage error (checked before any work)."""
    if path.is_dir() or path.suffix.lower() != ".png":
        raise UsageError(f"{flag} {path}: name a .png file to write, such as {example}")
    return path


def model_folder_to_write(out: Path) -> Path:
    """``out`` if training may write its model there (checked before minutes of work)."""
    from level1.modelstore import ModelError, check_writable

    try:
        return check_writable(out)
    except ModelError as exc:
        raise UsageError(f"-o {exc}") from None


def handle(args: argparse.Namespace) -> int:
    if args.command == "train":
        return do_train(args)
    if args.command == "baseline":
        return do_baseline(args)
    if args.command == "predict":
        return do_predict(args)
    from level6.products import workflows

    if args.command == "saliency":
        out = png_path(args.out, "-o", "saliency.png")
        workflows.saliency_grid(workflows.load_model(args.model), out, count=args.count)
        print(f"saliency maps of {args.count} test images: {out}")
        return 0
    plot = png_path(args.plot or args.model / "confusion.png", "--plot", "confusion.png")
    model = workflows.load_model(args.model)  # a missing folder fails here, before any write
    result = workflows.score_on_test(model, plot)
    if args.json:
        print(json.dumps({**result.as_dict(), "confusion_png": str(plot)}, indent=2))
        return 0
    print(f"test accuracy {result.accuracy:.4f} on {result.images:,} images\n")
    print(f"{'class':<13}{'accuracy':>9}")
    for name, value in result.per_class.items():
        print(f"{name:<13}{value:>9.3f}")
    print("\nmost confused (true -> predicted: images)")
    for pair in result.confused_pairs():
        print(f"  {pair.true} -> {pair.predicted}: {pair.count}")
    print(f"\nconfusion matrix: {plot}")
    return 0


def do_train(args: argparse.Namespace) -> int:
    out = model_folder_to_write(args.out)
    from level6.products.train import train

    start = time.perf_counter()
    result = train(out, epochs=args.epochs, limit=args.limit, seed=args.seed)
    print(
        f"{result.train_images:,} images, {args.epochs} epochs, {result.parameters:,} "
        f"parameters: validation accuracy {result.val_accuracy[-1]:.4f}; "
        f"wall time {time.perf_counter() - start:.0f} s (training {result.seconds:.0f} s)"
    )
    print(f"model: {args.out}")
    return 0


def do_baseline(args: argparse.Namespace) -> int:
    from level6.products.baseline import svc_baseline
    from level6.products.data import load_split

    result = svc_baseline(
        load_split("train").head(args.limit), load_split("validation"), load_split("test")
    )
    if args.json:
        print(json.dumps(result.__dict__, indent=2))
    else:
        print(
            f"RBF SVC (C=10) on {result.train_images:,} images: validation accuracy "
            f"{result.val_accuracy:.4f}, test accuracy {result.test_accuracy:.4f} "
            f"({result.seconds:.0f} s)"
        )
    return 0


def do_predict(args: argparse.Namespace) -> int:
    from level6.products.predict import photo_to_input, top_classes
    from level6.products.workflows import load_model

    image = photo_to_input(args.image)  # a bad image fails before TensorFlow loads
    guesses = top_classes(load_model(args.model), image)
    if args.json:
        print(json.dumps([g.__dict__ for g in guesses], indent=2))
        return 0
    for rank, guess in enumerate(guesses, 1):
        print(f"{rank}. {guess.label:<12} {guess.probability:.3f}")
    print("(trained on studio photos of one item on a plain background: other photos are guesses)")
    return 0


def main(argv: list[str] | None = None) -> int:
    return run(build_parser(), handle, argv)


if __name__ == "__main__":
    sys.exit(main())

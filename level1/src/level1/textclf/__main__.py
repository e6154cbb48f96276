"""textclf: train a text classifier on any labelled CSV/TSV, then predict, evaluate, inspect."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from level0.cli import float_in, int_in, make_parser, run

if TYPE_CHECKING:
    from level1.textclf.model import ClassReport, TrainingRun
    from level1.textclf.table import TableFormat

# Spelled out so that --help needs no scikit-learn or pandas (a test checks it equals
# level1.spam.pipeline.KINDS); the model and table modules load inside the handlers.
KINDS = ("nb", "logreg", "svm")


def add_table_options(parser: argparse.ArgumentParser, defaults_note: str) -> None:
    group = parser.add_argument_group(f"reading the table ({defaults_note})")
    group.add_argument("--text-col", metavar="COL", help="text column: a name, or 0-based number")
    group.add_argument("--label-col", metavar="COL", help="label column: a name, or 0-based number")
    group.add_argument("--sep", help=r"separator: ',' or '\t' (also: tab, comma, semicolon, pipe)")
    group.add_argument(
        "--no-header", action="store_true", help="the first line is data, not column names"
    )
    group.add_argument(
        "--quoting",
        choices=("csv", "none"),
        help="csv: honour double quotes; none: quotes are ordinary characters",
    )


def build_parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = make_parser(
        "textclf",
        "Text classification from the command line: train on any labelled CSV or TSV file,\n"
        "then predict labels for new texts (one, or a stream of lines on stdin).",
        "textclf train reviews.txt --no-header -o models/reviews && "
        'textclf predict models/reviews "Great phone, works perfectly"',
        module="level1.textclf",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    fit = commands.add_parser("train", help="choose a model by cross-validation, fit, save")
    fit.add_argument("data", type=Path, metavar="DATA")
    fit.add_argument("-o", "--output", type=Path, required=True, metavar="MODEL_DIR")
    add_table_options(
        fit,
        "defaults: tab for .tsv/.tab/.txt files, else comma; columns text and label, "
        "or 0 and 1 with --no-header",
    )
    fit.add_argument(
        "--model",
        choices=("auto", *KINDS),
        default="auto",
        help="classifier family (default: auto, the best of all three by CV)",
    )
    fit.add_argument(
        "--folds", type=int_in(2, 20), default=5, help="cross-validation folds, 2 to 20 (default 5)"
    )
    fit.add_argument(
        "--holdout",
        type=float_in(0.0, 0.9),
        default=0.2,
        metavar="FRACTION",
        help="share of rows kept out for the final test, 0 to 0.9 (default 0.2; 0 = train on all)",
    )
    fit.add_argument(
        "--seed",
        type=int_in(0, 2**32 - 1),
        default=0,
        help="seed of the split and folds, 0 to 2**32-1 (default 0)",
    )
    fit.add_argument("--json", action="store_true", help="print the results as JSON")

    ask = commands.add_parser(
        "predict", help="label a text, or every line of stdin (one JSON result per line)"
    )
    ask.add_argument("model_dir", type=Path, metavar="MODEL_DIR")
    ask.add_argument("text", nargs="?", help="the text; leave out to read lines from stdin")
    ask.add_argument("--json", action="store_true", help="print JSON (always so for stdin)")

    check = commands.add_parser("evaluate", help="accuracy and confusion matrix on labelled data")
    check.add_argument("model_dir", type=Path, metavar="MODEL_DIR")
    check.add_argument("data", type=Path, metavar="DATA")
    add_table_options(check, "defaults: as when the model was trained")
    check.add_argument("--json", action="store_true", help="print the report as JSON")

    info = commands.add_parser("info", help="what a saved model is and how well it did")
    info.add_argument("model_dir", type=Path, metavar="MODEL_DIR")
    info.add_argument("--json", action="store_true", help="print the metadata as JSON")
    return parser


def requested_format(args: argparse.Namespace, saved: TableFormat | None = None) -> TableFormat:
    """The table format from the options; for evaluate, what was not given comes from training."""
    from level1.textclf.table import table_format

    quoting = None if args.quoting is None else args.quoting == "csv"
    if saved is None:
        return table_format(
            args.data,
            sep=args.sep,
            header=not args.no_header,
            quoting=quoting,
            text_col=args.text_col,
            label_col=args.label_col,
        )
    header = saved.header and not args.no_header
    return table_format(
        args.data,
        sep=args.sep if args.sep is not None else saved.sep,
        header=header,
        quoting=quoting if quoting is not None or args.sep is not None else saved.quoting,
        text_col=args.text_col or (saved.text_col if header == saved.header else None),
        label_col=args.label_col or (saved.label_col if header == saved.header else None),
    )


def do_train(args: argparse.Namespace) -> int:
    from level1.textclf.model import CANDIDATES, save_classifier, train
    from level1.textclf.table import read_labelled

    fmt = requested_format(args)
    data = read_labelled(args.data, fmt)
    candidates = [c for c in CANDIDATES if args.model in ("auto", c.kind)]
    result = train(
        data, fmt, candidates=candidates, folds=args.folds, test_size=args.holdout, seed=args.seed
    )
    saved = save_classifier(result, args.output)
    if args.json:
        print(json.dumps({**training_summary(result), "model_dir": str(saved)}, indent=2))
    else:
        print(format_training(result))
        print(f"\nsaved to {saved}")
    return 0


def training_summary(result: TrainingRun) -> dict[str, Any]:
    return {
        "data": result.data.source,
        "rows": len(result.data),
        "blank_rows": result.data.blank_rows,
        "duplicates_removed": result.data.duplicates_removed,
        "classes": result.data.classes,
        "cross_validation": [
            {"model": str(candidate), "accuracy": accuracy}
            for candidate, accuracy in result.cv_accuracy.items()
        ],
        "chosen": str(result.chosen),
        "cv_accuracy": result.cv_accuracy[result.chosen],
        "heldout": None if result.heldout is None else result.heldout.to_dict(),
    }


def format_report(report: ClassReport, title: str) -> str:
    from level1.spam.metrics import format_confusion

    return "\n".join(
        [
            f"{title} ({report.rows} rows)",
            f"  accuracy  {report.accuracy:.4f}",
            f"  macro F1  {report.macro_f1:.4f}",
            "",
            format_confusion(report.labels, report.confusion),
        ]
    )


def format_training(result: TrainingRun) -> str:
    data = result.data
    lines = [
        f"{data.source}: {len(data)} rows, labels {', '.join(data.classes)}"
        f" ({data.blank_rows} blank rows and {data.duplicates_removed} duplicate texts dropped)",
        f"{result.folds}-fold cross-validation on the training part ({result.test_size:.0%} held out):",
    ]
    for candidate, accuracy in result.cv_accuracy.items():
        mark = "*" if candidate == result.chosen else " "
        lines.append(f"{mark} {candidate!s:<32} accuracy {accuracy:.4f}")
    lines.append(f"CV accuracy of the chosen model: {result.cv_accuracy[result.chosen]:.4f}")
    if result.heldout is not None:
        lines += ["", format_report(result.heldout, "held-out test")]
    return "\n".join(lines)


def do_predict(args: argparse.Namespace) -> int:
    from level1.textclf.model import load_classifier, predict

    saved = load_classifier(args.model_dir)
    if args.text is not None:
        (prediction,) = predict(saved.model, [args.text])
        if args.json:
            print(json.dumps(prediction.to_dict()))
        else:
            sure = (
                ""
                if prediction.probability is None
                else f"  (probability {prediction.probability:.3f})"
            )
            print(f"{prediction.label}{sure}")
        return 0
    stream_predictions(saved.model, sys.stdin, sys.stdout)
    return 0


def stream_predictions(model: Any, lines: TextIO, out: TextIO) -> None:
    """One JSON result per input line, written as soon as the line arrives."""
    from level1.textclf.model import predict

    for line in lines:
        (prediction,) = predict(model, [line.rstrip("\r\n")])
        out.write(json.dumps(prediction.to_dict()) + "\n")
        out.flush()


def do_evaluate(args: argparse.Namespace) -> int:
    from level1.textclf.model import evaluate, load_classifier
    from level1.textclf.table import TableFormat, read_labelled

    saved = load_classifier(args.model_dir)
    trained_format = TableFormat(**saved.metadata["extra"]["table_format"])
    data = read_labelled(args.data, requested_format(args, trained_format), need_classes=False)
    report, scope = evaluate(saved, data)
    unseen = sorted(set(data.classes) - set(saved.metadata["extra"]["classes"]))
    if args.json:
        print(json.dumps({"scope": scope, "unseen_labels": unseen, **report.to_dict()}, indent=2))
    else:
        print(format_report(report, f"on {scope}"))
        if unseen:
            print(f"note: labels the model never saw in training: {', '.join(unseen)}")
    return 0


def do_info(args: argparse.Namespace) -> int:
    from level1.textclf.model import load_classifier

    saved = load_classifier(args.model_dir)
    meta = saved.metadata
    if args.json:
        print(json.dumps(meta, indent=2))
        return 0
    extra, metrics = meta["extra"], meta["metrics"]
    heldout = metrics.get("heldout")
    fmt = extra["table_format"]
    lines = [
        f"model       {extra['model']} (TF-IDF words + characters)",
        f"labels      {', '.join(extra['classes'])}",
        f"trained on  {extra['source']}: {extra['rows']} rows, "
        f"{1 - extra['test_size']:.0%} for training (data sha256 {meta['data_sha256'][:12]}…)",
        f"columns     text={fmt['text_col']!r} label={fmt['label_col']!r} sep={fmt['sep']!r} "
        f"header={fmt['header']} quoting={'csv' if fmt['quoting'] else 'none'}",
        f"CV accuracy {metrics['cv_accuracy']:.4f} ({extra['folds']} folds)",
        "held-out    "
        + (
            "none (trained on all rows)"
            if heldout is None
            else f"accuracy {heldout['accuracy']:.4f} on {heldout['rows']} rows"
        ),
        f"created     {meta['created']} with Python {meta['python']}, scikit-learn "
        f"{meta['libraries']['scikit-learn']}",
    ]
    print("\n".join(lines))
    return 0


HANDLERS = {"train": do_train, "predict": do_predict, "evaluate": do_evaluate, "info": do_info}


def main(argv: list[str] | None = None) -> int:
    code: int = run(build_parser(), lambda args: HANDLERS[args.command](args), argv)
    return code


if __name__ == "__main__":
    sys.exit(main())

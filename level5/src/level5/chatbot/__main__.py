"""python -m level5.chatbot: train and evaluate the intent model, chat in the terminal, serve it."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from level0.cli import Failure, UsageError, int_in, make_parser, run
from level5.services import check_port

MODES = ("oos_class", "threshold", "combined")  # a test checks they equal model.MODES
PAPER = [  # CLINC150 paper, Table 1, full data: (method, mode, in-scope accuracy, oos recall)
    ("SVM", "oos_class", 91.0, 14.5), ("SVM", "threshold", 88.2, 18.0),
    ("Rasa", "oos_class", 91.5, 45.3), ("Rasa", "threshold", 90.9, 31.2),
    ("MLP on USE", "oos_class", 93.5, 47.4), ("MLP on USE", "threshold", 93.4, 49.1),
    ("BERT", "oos_class", 96.9, 40.3), ("BERT", "threshold", 96.2, 52.3),
]  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = make_parser(
        "python -m level5.chatbot",
        "A chatbot: CLINC150 intents (TF-IDF + linear SVM, out-of-scope detection), "
        "rule-based entities, a slot-filling dialogue and skills from earlier levels.",
        "python -m level5.chatbot train -o chatbot-model && "
        "python -m level5.chatbot chat --model chatbot-model",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    train = commands.add_parser("train", help="train the intent model on CLINC150 into a folder")
    train.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    train.add_argument(
        "--per-intent",
        type=int_in(5, 100),
        default=None,
        metavar="N",
        help="train on the first N queries of each intent (default: all 100)",
    )

    evaluate = commands.add_parser("evaluate", help="the test split's figures for each mode")
    evaluate.add_argument("model", type=Path, metavar="DIR")
    evaluate.add_argument("--json", action="store_true", help="print the figures as JSON")

    for name, text in (
        ("chat", "chat in the terminal"),
        ("serve", "serve the web chat with gunicorn"),
    ):
        command = commands.add_parser(name, help=text)
        command.add_argument("--model", type=Path, required=True, metavar="DIR")
        command.add_argument(
            "--weather-url",
            default=None,
            metavar="URL",
            help="an Open-Meteo-compatible server (default $MLROADMAP_WEATHER_URL or Open-Meteo)",
        )
        command.add_argument(
            "--todo",
            type=Path,
            default=None,
            metavar="FILE",
            help="the to-do list's JSON file (default: level 0 taskman's list)",
        )
        if name == "serve":
            command.add_argument("--host", default="127.0.0.1", help="(default loopback)")
            command.add_argument(
                "--port", type=int_in(1, 65_535), default=8000, help="(default 8000)"
            )
            command.add_argument("--threads", type=int_in(1, 64), default=4, help="(default 4)")
            command.add_argument(
                "--max-sessions",
                type=int_in(1, 1_000_000),
                default=1_000,
                help="conversations kept in memory (default 1,000)",
            )
    return parser


def check_model(folder: Path) -> None:
    """Fail with one line when ``folder`` holds no saved model (before loading anything)."""
    if not (folder / "metadata.json").is_file():
        raise Failure(
            f"{folder} holds no chatbot model; train one with "
            f"'python -m level5.chatbot train -o {folder}'"
        )


def check_url(url: str | None) -> None:
    if url is not None and not url.startswith(("http://", "https://")):
        raise UsageError(f"{url!r} is not an http:// or https:// URL")


def todo_path(args: argparse.Namespace) -> Path:
    from level0.task_manager import default_store_path

    path: Path = args.todo or default_store_path()
    if path.is_dir():
        raise Failure(f"{path} is a folder; --todo needs a JSON file")
    return path


def do_train(args: argparse.Namespace) -> int:
    from level5.chatbot.data import load_clinc
    from level5.chatbot.intents import fit_intents
    from level5.chatbot.model import save_model

    if args.output.exists() and not args.output.is_dir():
        raise Failure(f"{args.output} is a file; give a folder for the model")
    data = load_clinc()
    print(
        f"training on {'all' if args.per_intent is None else args.per_intent} queries per intent...",
        flush=True,
    )
    trained = fit_intents(data, per_intent=args.per_intent)
    save_model(trained, args.output, data)
    tried = ", ".join(f"{row['C']:g}" for row in trained.search)
    print(f"C chosen on validation: {trained.c:g} (tried {tried})")
    print(f"{'validation':<12}{'in-scope acc':>14}{'oos recall':>12}{'oos precision':>15}")
    for mode, row in trained.validation.items():
        print(
            f"{mode:<12}{row['in_scope_accuracy']:>14.1%}{row['oos_recall']:>12.1%}"
            f"{row['oos_precision']:>15.1%}"
        )
    print(f"saved to {args.output}")
    return 0


def do_evaluate(args: argparse.Namespace) -> int:
    from level5.chatbot.data import load_clinc
    from level5.chatbot.model import IntentModel, evaluate

    check_model(args.model)
    figures = evaluate(IntentModel(args.model), load_clinc())
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print("CLINC150 test split (4,500 in-scope + 1,000 out-of-scope queries)")
    print(f"{'method':<24}{'mode':<11}{'in-scope acc':>13}{'oos recall':>12}{'oos precision':>15}")
    for mode in MODES:
        row = figures[mode]
        print(
            f"{'this bot (TF-IDF + SVM)':<24}{mode:<11}{row['in_scope_accuracy']:>13.1%}"
            f"{row['oos_recall']:>12.1%}{row['oos_precision']:>15.1%}"
        )
    for method, mode, accuracy, recall in PAPER:
        print(f"{'paper: ' + method:<24}{mode:<11}{accuracy:>12.1f}%{recall:>11.1f}%{'-':>15}")
    return 0


def do_chat(args: argparse.Namespace) -> int:
    from level5.chatbot.dialogue import Context
    from level5.chatbot.model import load_bot

    check_model(args.model)
    check_url(args.weather_url)
    bot = load_bot(args.model, weather_url=args.weather_url, todo_path=todo_path(args))
    context, interactive = Context(), sys.stdin.isatty()
    if interactive:
        print("Chat with the bot (Ctrl-D or Ctrl-C to stop).")
    while True:
        try:
            text = input("you> " if interactive else "")
        except EOFError:
            print("bye")
            return 0
        print(f"bot> {bot.reply(text, context).text}", flush=True)


def do_serve(args: argparse.Namespace) -> int:
    """Check the model, the URL and the port, then become gunicorn (same PID: signals reach it)."""
    from level5.chatbot.web import ENV

    check_model(args.model)
    check_url(args.weather_url)
    check_port(args.host, args.port)
    os.environ.update(
        {
            ENV["model"]: str(args.model.resolve()),
            ENV["weather_url"]: args.weather_url or "",
            ENV["todo"]: str(todo_path(args).resolve()),
            ENV["max_sessions"]: str(args.max_sessions),
        }
    )
    argv = [
        sys.executable, "-m", "gunicorn",
        "--worker-class", "gthread", "--workers", "1", "--threads", str(args.threads),
        "--bind", f"{args.host}:{args.port}",
        "--no-control-socket", "--graceful-timeout", "5",
        "level5.chatbot.web:app_from_env()",
    ]  # fmt: skip
    print(
        f"starting gunicorn on http://{args.host}:{args.port} (1 worker x {args.threads} threads)",
        flush=True,
    )
    os.execv(sys.executable, argv)


HANDLERS = {"train": do_train, "evaluate": do_evaluate, "chat": do_chat, "serve": do_serve}


def main(argv: list[str] | None = None) -> int:
    code: int = run(build_parser(), lambda args: HANDLERS[args.command](args), argv)
    return code


if __name__ == "__main__":
    sys.exit(main())

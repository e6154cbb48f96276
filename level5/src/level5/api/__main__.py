"""python -m level5.api: build the model folder, serve it, run a queue worker, ask it."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from level0.cli import Failure, UsageError, float_in, int_in, make_parser, run
from level5.services import check_port

# Spelled out so that --help needs no scikit-learn; a test checks they equal
# defaults.TRAINERS and settings.DEFAULT_REDIS_URL / settings.MODELS_ENV.
DEFAULT_MODELS = ("spam", "sentiment", "housing", "iris")
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
REDIS_ENV = "LEVEL5_REDIS_URL"
MODELS_ENV = "LEVEL5_MODELS"


def build_parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = make_parser(
        "python -m level5.api",
        "Serve the models of levels 1 and 2 over HTTP (Flask under gunicorn), with a Redis "
        "job queue for batches.",
        "python -m level5.api train-defaults -o models && "
        "python -m level5.api serve --models models --port 8000 & "
        'python -m level5.api predict http://127.0.0.1:8000 spam "WINNER!! Claim your prize"',
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    train = commands.add_parser(
        "train-defaults", help="train spam, sentiment, housing and iris into a model folder"
    )
    train.add_argument("-o", "--output", type=Path, required=True, metavar="MODELS")
    train.add_argument("--only", nargs="+", choices=DEFAULT_MODELS, help="train these models only")

    serve = commands.add_parser("serve", help="serve a model folder with gunicorn")
    serve.add_argument("--models", type=Path, required=True, metavar="DIR")
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default loopback)"
    )
    serve.add_argument("--port", type=int_in(1, 65_535), default=8000, help="(default 8000)")
    serve.add_argument(
        "--workers", type=int_in(1, 32), default=2, help="worker processes (default 2)"
    )
    serve.add_argument(
        "--threads", type=int_in(1, 64), default=4, help="threads per worker (default 4)"
    )
    serve.add_argument(
        "--redis",
        default=None,
        metavar="URL",
        help=f"job queue (default ${REDIS_ENV} or {DEFAULT_REDIS_URL})",
    )

    work = commands.add_parser("worker", help="run a queue worker: it answers queued batches")
    work.add_argument(
        "--redis", default=None, metavar="URL", help=f"default ${REDIS_ENV} or {DEFAULT_REDIS_URL}"
    )
    work.add_argument(
        "--models",
        type=Path,
        default=None,
        metavar="DIR",
        help=f"default ${MODELS_ENV} or ./models",
    )
    work.add_argument("--burst", action="store_true", help="stop once the queue is empty")

    ask = commands.add_parser("predict", help="ask a running server about some inputs")
    ask.add_argument("url", help="the server, e.g. http://127.0.0.1:8000")
    ask.add_argument("model", help="the model's name, e.g. spam")
    ask.add_argument(
        "items", nargs="+", metavar="TEXT", help="texts; or JSON objects for housing and iris"
    )
    ask.add_argument(
        "--timeout", type=float_in(0.1, 600.0), default=10.0, help="seconds (default 10)"
    )
    ask.add_argument("--json", action="store_true", help="print the predictions as JSON")
    return parser


def redis_url(args: argparse.Namespace) -> str:
    return str(args.redis or os.environ.get(REDIS_ENV) or DEFAULT_REDIS_URL)


def do_train(args: argparse.Namespace) -> int:
    from level5.api.defaults import train_defaults

    if args.output.exists() and not args.output.is_dir():
        raise Failure(f"{args.output} is a file; give a folder for the models")
    for trained in train_defaults(args.output, tuple(args.only or DEFAULT_MODELS)):
        note = " (SYNTHETIC data: no registry copy cached)" if trained.synthetic else ""
        print(f"{trained.name:<10} {trained.summary}{note}  -> {trained.path}")
    return 0


def model_names(folder: Path) -> list[str]:
    """The sub-folders of ``folder`` that hold a saved model; fails when there is none.

    Only a quick look: each gunicorn worker loads the models itself, and ``/ready``
    lists any that fail to load. Loading them here as well would add seconds to the start.
    """
    if not folder.is_dir():
        raise Failure(f"{folder} is not a folder of models; give one with --models DIR")
    names = sorted(p.parent.name for p in folder.glob("*/metadata.json"))
    if not names:
        raise Failure(
            f"{folder} holds no saved model; build some with "
            f"'python -m level5.api train-defaults -o {folder}'"
        )
    return names


def do_serve(args: argparse.Namespace) -> int:
    """Check the folder and the port, then become gunicorn (same PID: signals reach it)."""
    names = model_names(args.models)
    check_port(args.host, args.port)
    metrics_dir = tempfile.mkdtemp(prefix="level5-metrics-")  # gunicorn_conf.on_exit removes it
    os.environ.update(
        {
            MODELS_ENV: str(args.models.resolve()),
            REDIS_ENV: redis_url(args),
            "PROMETHEUS_MULTIPROC_DIR": metrics_dir,
        }
    )
    argv = [
        sys.executable, "-m", "gunicorn",
        "--config", "python:level5.api.gunicorn_conf",
        "--bind", f"{args.host}:{args.port}",
        "--workers", str(args.workers),
        "--threads", str(args.threads),
        "level5.api.wsgi:app",
    ]  # fmt: skip
    print(
        f"starting gunicorn on http://{args.host}:{args.port} ({args.workers} workers x "
        f"{args.threads} threads) for the models {', '.join(names)}",
        flush=True,
    )
    os.execv(sys.executable, argv)


def do_worker(args: argparse.Namespace) -> int:
    from level5.api.queue import QueueUnavailable, run_worker

    models = args.models or Path(os.environ.get(MODELS_ENV) or "models")
    if not models.is_dir():
        raise Failure(f"{models} is not a folder of models; give one with --models DIR")
    try:
        return run_worker(redis_url(args), str(models), burst=args.burst)
    except QueueUnavailable as exc:
        raise Failure(f"{exc}; start redis-server or give --redis URL") from exc


def parse_item(text: str) -> dict[str, Any]:
    """A JSON object as it is; anything else is a text."""
    if not text.lstrip().startswith("{"):
        return {"text": text}
    try:
        item = json.loads(text)
    except ValueError as exc:
        raise UsageError(f"{text[:40]!r} starts like JSON but is not: {exc}") from None
    if not isinstance(item, dict):
        raise UsageError(f"{text[:40]!r} is not a JSON object")
    return item


def do_predict(args: argparse.Namespace) -> int:
    from level5.api.client import ApiError, predict

    if not args.url.startswith(("http://", "https://")):
        raise UsageError(f"{args.url!r} is not an http:// or https:// URL")
    items = [parse_item(text) for text in args.items]
    try:
        predictions = predict(args.url, args.model, items, timeout=args.timeout)
    except ApiError as exc:
        raise Failure(str(exc)) from exc
    if args.json:
        print(json.dumps(predictions, indent=2))
        return 0
    for item, answer in zip(items, predictions, strict=True):
        shown = item.get("text") or json.dumps(item)
        figures = "  ".join(
            f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v}" for k, v in answer.items()
        )
        print(f"{figures}  | {shown[:60]}")
    return 0


HANDLERS = {
    "train-defaults": do_train,
    "serve": do_serve,
    "worker": do_worker,
    "predict": do_predict,
}


def main(argv: list[str] | None = None) -> int:
    code: int = run(build_parser(), lambda args: HANDLERS[args.command](args), argv)
    return code


if __name__ == "__main__":
    sys.exit(main())

"""python -m level5.blog: Django's manage.py for the blog, with the house CLI contract.

Each subcommand runs the Django management command of the same name through
``call_command``, so Django's errors arrive as exceptions and leave as one ``error:``
line. ``manage`` hands anything else to Django's own ``execute_from_command_line``
(Django's output conventions apply there).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from level0.cli import Failure, UsageError, int_in, make_parser, run

SETTINGS = "level5.blog.settings"
DATA_ENV = "BLOG_DATA"  # also in settings.py, which this module must not import (it loads Django)
MODELS_ENV = "LEVEL5_MODELS"  # level5.api.settings.MODELS_ENV: one model folder for all of level 5
DEFAULT_PORT = 8000
MAX_COMMENTS = 1000


def build_parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = make_parser(
        "python -m level5.blog",
        "A small Django blog whose comments are moderated by level 1's spam filter, with "
        "sentiment badges and tag suggestions (the prediction plugin). The database is "
        f"SQLite in --data (default ${DATA_ENV} or ./blog-data) unless DATABASE_URL is set.",
        "python -m level5.api train-defaults -o models --only spam sentiment\n"
        "  python -m level5.blog migrate --data blog-data\n"
        "  python -m level5.blog seed_demo --data blog-data --models models\n"
        "  python -m level5.blog runserver --data blog-data --models models",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data", type=Path, metavar="DIR", help=f"folder of the SQLite database (${DATA_ENV})"
    )
    common.add_argument(
        "--models", type=Path, metavar="DIR", help=f"level 5's model folder (${MODELS_ENV})"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("migrate", parents=[common], help="create or update the database")
    seed = commands.add_parser(
        "seed_demo", parents=[common], help="add the demo posts and SMS comments (once)"
    )
    seed.add_argument(
        "--comments", type=int_in(1, MAX_COMMENTS), default=120, help="how many (default 120)"
    )
    seed.add_argument("--seed", type=int_in(0, 2**32 - 1), default=0, help="sampling seed")
    commands.add_parser(
        "rescore_comments", parents=[common], help="ask the (updated) models again"
    ).add_argument("--pending-only", action="store_true", help="only comments awaiting review")
    serve = commands.add_parser(
        "runserver", parents=[common], help="Django's development server on 127.0.0.1"
    )
    serve.add_argument("--port", type=int_in(1, 65_535), default=DEFAULT_PORT, help="default 8000")
    admin = commands.add_parser(
        "createsuperuser", parents=[common], help="an admin account (asks for a password)"
    )
    admin.add_argument("--username", required=True)
    admin.add_argument("--email", default="")
    check = commands.add_parser("check", parents=[common], help="Django's system checks")
    check.add_argument(
        "--deploy", action="store_true", help="also the production checks (BLOG_PRODUCTION=true)"
    )
    manage = commands.add_parser(
        "manage", help="any other manage.py command, e.g. 'manage showmigrations'"
    )
    manage.add_argument("django_args", nargs=argparse.REMAINDER, metavar="ARGS")
    return parser


def configure(args: argparse.Namespace) -> None:
    """Environment for the settings module, then ``django.setup()``; refuses a missing DB."""
    if getattr(args, "data", None) is not None:
        os.environ[DATA_ENV] = str(args.data)
    if getattr(args, "models", None) is not None:
        os.environ[MODELS_ENV] = str(args.models)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
    data = Path(os.environ.get(DATA_ENV) or "blog-data")
    if data.exists() and not data.is_dir():
        raise UsageError(f"{data} is a file; --data wants a folder for the database")
    sqlite = "DATABASE_URL" not in os.environ
    needs_db = args.command in {"seed_demo", "rescore_comments", "runserver", "createsuperuser"}
    if sqlite and needs_db and not (data / "blog.sqlite3").is_file():
        raise Failure(
            f"no database in {data}; create it with: python -m level5.blog migrate --data {data}"
        )
    if sqlite and args.command == "migrate":
        data.mkdir(parents=True, exist_ok=True)

    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as exc:
        raise Failure(str(exc)) from None


def handle(args: argparse.Namespace) -> int:
    if args.command == "manage":
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
        from django.core.management import execute_from_command_line

        execute_from_command_line(["python -m level5.blog manage", *args.django_args])
        return 0
    if args.command == "runserver":
        from level5.services import port_open

        if port_open(args.port)():
            raise Failure(f"port {args.port} is in use; choose another with --port")
    configure(args)
    from django.core.management import call_command
    from django.core.management.base import CommandError

    try:
        call_command(*django_call(args))
    except CommandError as exc:
        raise Failure(str(exc)) from None
    return 0


def django_call(args: argparse.Namespace) -> list[str]:
    """The management command and options one subcommand stands for."""
    if args.command == "seed_demo":
        return ["seed_demo", f"--comments={args.comments}", f"--seed={args.seed}"]
    if args.command == "rescore_comments":
        return ["rescore_comments", *(["--pending-only"] if args.pending_only else [])]
    if args.command == "runserver":
        return ["runserver", f"127.0.0.1:{args.port}", "--noreload"]
    if args.command == "createsuperuser":
        interactive = sys.stdin.isatty()
        if not interactive and not os.environ.get("DJANGO_SUPERUSER_PASSWORD"):
            raise UsageError("no terminal to ask for a password: set DJANGO_SUPERUSER_PASSWORD")
        options = [f"--username={args.username}", f"--email={args.email}"]
        return ["createsuperuser", *options, *([] if interactive else ["--noinput"])]
    if args.command == "check":
        return ["check", "--fail-level=WARNING", *(["--deploy"] if args.deploy else [])]
    return ["migrate", "--verbosity=1"]


def main(argv: list[str] | None = None) -> int:
    code: int = run(build_parser(), handle, argv)
    return code


if __name__ == "__main__":
    sys.exit(main())

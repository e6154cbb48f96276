"""The command-line conventions every mini-project shares.

A CLI here answers like a tool a person would enjoy: exit code 0 on success, 1 on
failure, 2 on a usage error, and a single ``error: ...`` line on stderr instead of a
traceback (``--debug`` shows the traceback). Projects raise :class:`UsageError` or
:class:`Failure` with a message that says what is wrong and what to do.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

__all__ = ["Failure", "UsageError", "make_parser", "run"]


class UsageError(Exception):
    """The user asked for something malformed (bad argument, unknown id): exit code 2."""


class Failure(Exception):
    """The request was fine but could not be carried out (missing file, bad data): exit 1."""


def make_parser(prog: str, description: str, example: str) -> argparse.ArgumentParser:
    """An ArgumentParser whose --help ends with a worked example, plus the --debug flag."""
    parser = argparse.ArgumentParser(
        prog=prog,
        description=description,
        epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--debug", action="store_true", help="show the full traceback on errors")
    return parser


def run(
    parser: argparse.ArgumentParser,
    handler: Callable[[argparse.Namespace], int | None],
    argv: Sequence[str] | None = None,
) -> int:
    """Parse ``argv``, call ``handler`` and turn known errors into one-line messages.

    Returns the exit code, so ``__main__`` modules end with ``sys.exit(main())``.
    argparse itself already exits with code 2 and a usage line on a bad argument.
    """
    args = parser.parse_args(argv)
    try:
        return handler(args) or 0
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (``... | head``): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except (UsageError, Failure, OSError, ValueError) as exc:
        if getattr(args, "debug", False):
            raise
        code = 2 if isinstance(exc, UsageError) else 1
        print(f"error: {_one_line(exc)}", file=sys.stderr)
        return code


def _one_line(exc: BaseException) -> str:
    """The exception's message on one line; OSError gets its file name."""
    if isinstance(exc, OSError) and exc.filename is not None and exc.strerror:
        return f"{exc.strerror}: {exc.filename}"
    text = " ".join(str(exc).split())
    return text or type(exc).__name__

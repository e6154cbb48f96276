"""The command-line conventions every mini-project shares.

A CLI here answers like a tool a person would enjoy: exit code 0 on success, 1 on
failure, 2 on a usage error, 130 on Ctrl-C, and a single ``error: ...`` line on stderr
instead of a traceback (``--debug`` shows it). Projects raise :class:`UsageError` or
:class:`Failure` with a message that says what is wrong and what to do.

Three habits keep a CLI responsive and bounded:

* **Parse first, import later.** ``__main__`` modules import only argparse and this
  module at the top; scikit-learn, pandas and matplotlib load inside the handler, after
  the arguments are known to be good. ``--help`` and a usage error then answer at once.
* **Every number has a range.** :func:`int_in` and :func:`float_in` are argparse types
  that state the accepted range, so ``--rows 99999999999999999999999`` is a usage error
  and never a ``MemoryError`` or a hang an hour later.
* **Work that grows with the input has a budget.** :func:`require_memory` refuses a job
  whose estimate does not fit in the memory this machine has available, and says how big
  a job would fit.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from level0.interrupts import interrupted, requested

__all__ = [
    "Failure",
    "UsageError",
    "float_in",
    "int_in",
    "make_parser",
    "require_memory",
    "run",
]


class UsageError(Exception):
    """The user asked for something malformed (bad argument, unknown id): exit code 2."""


class Failure(Exception):
    """The request was fine but could not be carried out (missing file, bad data): exit 1."""


# --- numbers with a stated range ----------------------------------------------------


@dataclass(frozen=True)
class _Bounded:
    """An argparse ``type`` that converts a string and checks it lies in [low, high]."""

    convert: Callable[[str], int | float]
    kind: str
    low: int | float
    high: int | float

    @property
    def __name__(self) -> str:  # argparse names the type in its "invalid ... value" message
        return self.kind

    def __call__(self, text: str) -> int | float:
        shown = text if len(text) <= 24 else text[:20] + "..."
        try:
            value = self.convert(text)
        except (ValueError, OverflowError):
            raise argparse.ArgumentTypeError(f"expected {self.describe()}, got {shown!r}") from None
        if not self.low <= value <= self.high:  # also refuses nan
            raise argparse.ArgumentTypeError(f"must be {self.describe()}, got {shown}")
        return value

    def describe(self) -> str:
        return f"{self.kind} from {self.low:,} to {self.high:,}"


def int_in(low: int, high: int) -> Callable[[str], int]:
    """An argparse type for an integer in [low, high]: ``add_argument("--rows", type=int_in(1, 10**7))``."""
    return _Bounded(int, "an integer", low, high)  # type: ignore[return-value]


def float_in(low: float, high: float) -> Callable[[str], float]:
    """An argparse type for a finite number in [low, high]: ``type=float_in(0.0, 1.0)``."""
    return _Bounded(float, "a number", low, high)


def is_bounded(argument_type: object) -> bool:
    """True for the types made by :func:`int_in` and :func:`float_in` (the robustness tests ask)."""
    return isinstance(argument_type, _Bounded)


# --- memory budget --------------------------------------------------------------------


def available_memory() -> int:
    """Bytes of memory this machine can give a new job without swapping (psutil's estimate)."""
    import psutil

    return int(psutil.virtual_memory().available)


def require_memory(needed: int, what: str, *, share: float = 0.5, unit_bytes: int = 0) -> None:
    """Refuse a job whose estimated ``needed`` bytes exceed ``share`` of the available memory.

    ``what`` names the job ("100,000,000 rows of the titanic preset"). With ``unit_bytes``
    (the cost of one row, one item...), the message also says how many units would fit.
    Raises :class:`UsageError`, so the job never starts.
    """
    budget = int(available_memory() * share)
    if needed <= budget:
        return
    fits = f"; at most about {budget // unit_bytes:,} fit" if unit_bytes else ""
    raise UsageError(
        f"{what} would need about {_size(needed)} of memory, more than the {_size(budget)} "
        f"budget ({share:.0%} of what is available now){fits}; ask for less"
    )


def _size(count: int) -> str:
    value = float(count)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024:
            return f"{value:.0f} {unit}"
        value /= 1024
    return f"{value:.1f} TB"


# --- parser and runner ------------------------------------------------------------------


def _version_of(prog: str, module: str) -> str:
    """``prog`` and the installed version of the level ``module`` ("level1.textclf") is part of."""
    from importlib.metadata import PackageNotFoundError, version

    name = prog if prog.endswith(module) else f"{prog} ({module})"
    try:
        return f"{name} {version('mlroadmap-' + module.split('.')[0])}"
    except PackageNotFoundError:
        return f"{name} (not installed as a package)"


def make_parser(
    prog: str, description: str, example: str, *, module: str | None = None
) -> argparse.ArgumentParser:
    """An ArgumentParser whose --help ends with a worked example, plus --version and --debug.

    ``module`` names the project for ``--version``; by default it is read from a
    ``prog`` of the form ``python -m levelN.project``. A console script such as
    ``textclf`` passes it.
    """
    module = module or prog.split()[-1]
    parser = argparse.ArgumentParser(
        prog=prog,
        description=description,
        epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", action="version", version=_version_of(prog, module).replace("%", "%%")
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
    args = None
    try:
        args = parser.parse_args(argv)
        code = handler(args) or 0
        if argv is None:  # the program itself: the work is done, so a late Ctrl-C (during
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # interpreter exit) cannot undo it
        return code
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except MemoryError:
        if getattr(args, "debug", False):
            raise
        print("error: ran out of memory; try a smaller input or fewer rows", file=sys.stderr)
        return 1
    except Exception as exc:
        # A Ctrl-C can surface as another error: an interrupted extension import fails with
        # ImportError, and numpy reports a Ctrl-C inside its buffer-format parser as "... is
        # not a valid PEP 3118 buffer format string". After a Ctrl-C, any error is its echo.
        if interrupted(exc) or requested():
            print("error: interrupted", file=sys.stderr)
            return 130
        known = _known_error(exc, args)
        if known is None:
            raise
        return known


def _known_error(exc: Exception, args: argparse.Namespace | None) -> int | None:
    """Print one line for an error the user can act on and return the exit code;
    None for anything else (a bug: its traceback is the useful output)."""
    if isinstance(exc, BrokenPipeError):  # the reader went away (``... | head``): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    if not isinstance(exc, (UsageError, Failure, OSError, ValueError, OverflowError)):
        return None
    if getattr(args, "debug", False):
        return None
    print(f"error: {_one_line(exc)}", file=sys.stderr)
    return 2 if isinstance(exc, UsageError) else 1


def _one_line(exc: BaseException) -> str:
    """The exception's message on one line; OSError gets its file name."""
    if isinstance(exc, OSError) and exc.filename is not None and exc.strerror:
        return f"{exc.strerror}: {exc.filename}"
    text = " ".join(str(exc).split())
    return text or type(exc).__name__

"""Ctrl-C in one line, from the first import of level0 on.

Every CLI of the roadmap imports ``level0`` before anything else of its own, so the
hook installed here also covers a Ctrl-C while the rest of the program is still
importing (scikit-learn, pandas), before ``level0.cli.run`` can catch it. Python still
exits with the SIGINT status; only the traceback becomes ``error: interrupted``.
Exceptions other than an interruption keep Python's usual traceback.
"""

from __future__ import annotations

import sys
from types import TracebackType


def interrupted(exc: BaseException | None) -> bool:
    """True for Ctrl-C, also when it surfaced as another error (an extension module's
    import that was interrupted fails with ``ImportError: initialization failed``)."""
    for _ in range(20):  # a cause chain is short; the bound guards against cycles
        if exc is None:
            return False
        if isinstance(exc, KeyboardInterrupt):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def quiet_interrupt_hook(
    kind: type[BaseException], value: BaseException, traceback: TracebackType | None
) -> None:
    """``sys.excepthook``: one line for an uncaught Ctrl-C, the usual traceback otherwise."""
    if interrupted(value):
        print("error: interrupted", file=sys.stderr)
    else:
        sys.__excepthook__(kind, value, traceback)


def install() -> None:
    sys.excepthook = quiet_interrupt_hook

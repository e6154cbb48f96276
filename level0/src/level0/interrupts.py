"""Ctrl-C in one line, from the first import of level0 on.

Every CLI of the roadmap imports ``level0`` before anything else of its own, so what is
installed here also covers a Ctrl-C while the rest of the program is still importing
(scikit-learn, pandas), before ``level0.cli.run`` can catch it:

* an uncaught Ctrl-C prints ``error: interrupted`` instead of a traceback and exits with
  the SIGINT status, also when a library turned it into another error; other exceptions
  keep their usual traceback;
* the Ctrl-C itself is remembered (:func:`requested`). Python can lose the
  ``KeyboardInterrupt`` exception, for instance in an import-lock callback ("Exception
  ignored in: <function _get_module_lock.<locals>.cb>") or in a library's broad
  ``except``. A loop that must stop on Ctrl-C (a server's) checks the flag, so it stops
  even then; the lost exception is not printed.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from types import FrameType, TracebackType

_REQUESTED = threading.Event()


def requested() -> bool:
    """Whether Ctrl-C was pressed since the program started (even if the exception was lost)."""
    return _REQUESTED.is_set()


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


def _on_sigint(signum: int, frame: FrameType | None) -> None:
    _REQUESTED.set()
    raise KeyboardInterrupt


def _quiet_interrupt_hook(
    kind: type[BaseException], value: BaseException, traceback: TracebackType | None
) -> None:
    """``sys.excepthook``: one line for an uncaught Ctrl-C, the usual traceback otherwise.

    After a Ctrl-C any uncaught error counts as its echo (a library may have turned the
    ``KeyboardInterrupt`` into another exception); the process then ends by SIGINT, as
    Python ends one that a Ctrl-C stopped."""
    if interrupted(value) or _REQUESTED.is_set():
        print("error: interrupted", file=sys.stderr)
        if not isinstance(value, KeyboardInterrupt):  # Python ends on that one by SIGINT itself
            sys.stderr.flush()
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGINT)
    else:
        sys.__excepthook__(kind, value, traceback)


def _quiet_lost_interrupt(unraisable: sys.UnraisableHookArgs) -> None:
    """``sys.unraisablehook``: a lost Ctrl-C is in the flag already; say nothing about it."""
    if not (unraisable.exc_type and issubclass(unraisable.exc_type, KeyboardInterrupt)):
        sys.__unraisablehook__(unraisable)


def install() -> None:
    """Install the hooks; the signal handler only where Python allows it (the main thread)."""
    sys.excepthook = _quiet_interrupt_hook
    sys.unraisablehook = _quiet_lost_interrupt
    main_thread = threading.current_thread() is threading.main_thread()
    if main_thread and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _on_sigint)

"""Autosave as a debounce: save a moment after the last edit, not on every keystroke.

The timer comes from outside (``schedule``/``cancel``: Tk's ``after`` and
``after_cancel`` in the app, a fake clock in the tests), so the logic is tested
without a display and without sleeping.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["AUTOSAVE_MS", "Autosaver"]

AUTOSAVE_MS = 800
"""How long the editor waits after the last keystroke before it saves."""


class Autosaver:
    """Call ``save`` ``delay_ms`` after the last :meth:`changed`; :meth:`flush` saves at once."""

    def __init__(
        self,
        save: Callable[[], object],
        schedule: Callable[[int, Callable[[], None]], Any],
        cancel: Callable[[Any], None],
        delay_ms: int = AUTOSAVE_MS,
    ) -> None:
        self._save = save
        self._schedule = schedule
        self._cancel = cancel
        self.delay_ms = delay_ms
        self._pending: Any = None

    @property
    def pending(self) -> bool:
        """Whether a save is scheduled."""
        return self._pending is not None

    def changed(self) -> None:
        """Something was edited: (re)start the countdown."""
        self.cancel()
        self._pending = self._schedule(self.delay_ms, self._fire)

    def cancel(self) -> None:
        """Forget the scheduled save, if any."""
        if self._pending is not None:
            self._cancel(self._pending)
            self._pending = None

    def flush(self) -> None:
        """Save now if a save was scheduled (before switching notes, or closing)."""
        if self._pending is not None:
            self.cancel()
            self._save()

    def _fire(self) -> None:
        self._pending = None
        self._save()

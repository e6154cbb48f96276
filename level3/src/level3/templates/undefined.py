"""The value of a missing variable: strict by default, lenient on request."""

from __future__ import annotations

from typing import Any

__all__ = ["Undefined"]


class Undefined:
    """The value of a missing variable or attribute, with a hint saying what was missing.

    In strict mode (the default) the renderer raises UndefinedError as soon as such a
    value is printed, tested or passed to a filter other than ``default``. In lenient
    mode it behaves as an empty string: prints nothing, is false, iterates as empty.
    """

    __slots__ = ("hint",)

    def __init__(self, hint: str) -> None:
        self.hint = hint

    def __str__(self) -> str:
        return ""

    def __bool__(self) -> bool:
        return False

    def __iter__(self) -> Any:
        return iter(())

    def __len__(self) -> int:
        return 0

    def __repr__(self) -> str:
        return f"Undefined({self.hint!r})"

"""The template errors: each one knows the line and column it points at.

All of them are ``ValueError`` subclasses, so a command-line tool built on
``level0.cli`` prints them as one line without a traceback.

* :class:`TemplateSyntaxError`: the source is not a valid template (found while parsing,
  before anything is rendered).
* :class:`TemplateRuntimeError`: a valid template met a value it cannot use, such as a
  loop over a number.
* :class:`UndefinedError`: a runtime error for a variable or attribute that does not exist
  (only in strict mode, the default).
* :class:`TemplateBudgetError`: a runtime error for a render that would do more work than
  its budget allows (too many loop iterations in total, or too much output).
"""

from __future__ import annotations

__all__ = [
    "TemplateBudgetError",
    "TemplateError",
    "TemplateRuntimeError",
    "TemplateSyntaxError",
    "UndefinedError",
]


class TemplateError(ValueError):
    """Base class: a message plus the 1-based line and column it refers to."""

    def __init__(self, message: str, lineno: int, col: int) -> None:
        super().__init__(f"line {lineno}, column {col}: {message}")
        self.message = message
        self.lineno = lineno
        self.col = col


class TemplateSyntaxError(TemplateError):
    """The template source cannot be parsed."""


class TemplateRuntimeError(TemplateError):
    """A well-formed template failed while rendering (a loop over a number, say)."""


class UndefinedError(TemplateRuntimeError):
    """A variable or attribute the template uses is missing from the context."""


class TemplateBudgetError(TemplateRuntimeError):
    """The render went over a work budget: ``max_loop_iterations`` or ``max_output_chars``.

    ``limit`` names the option (so a caller who trusts the template can raise it) and
    ``value`` is the budget that was exceeded.
    """

    def __init__(self, message: str, lineno: int, col: int, *, limit: str, value: int) -> None:
        super().__init__(message, lineno, col)
        self.limit = limit
        self.value = value

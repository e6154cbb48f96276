"""A small template engine, and a logic-programming generator that tests it against Jinja2.

The engine (no ``eval``, no ``exec``): source -> tokens (:mod:`.lexer`) -> syntax tree
(:mod:`.parser`, :mod:`.nodes`) -> text (:mod:`.runtime`).

* :func:`render` and :class:`Template` render ``{{ var.attr | filter }}``, ``{% if %}`` /
  ``{% elif %}`` / ``{% else %}``, ``{% for x in xs %}`` with ``loop.index``, ``{# comments #}``
  and whitespace control (``{%-``, ``-%}``, ``{{-``, ``-}}``), with HTML autoescape on by
  default (:class:`Markup` marks safe text, :func:`escape` escapes).
* Errors carry line and column: :class:`TemplateSyntaxError` while parsing,
  :class:`UndefinedError` for a missing variable (strict by default; pass
  ``strict_undefined=False`` to print it as empty), :class:`TemplateRuntimeError` for
  other failures, all subclasses of :class:`TemplateError` (a ``ValueError``).
* Work is bounded: at most ``max_loop_iterations`` loop iterations (100,000) and
  ``max_output_chars`` characters (10,000,000) per render, else
  :class:`TemplateBudgetError`; nesting stops at 50 levels while parsing.

The test-case generator: :mod:`.logic` is a miniKanren-style engine (terms, logic
variables, unification, goals as generators); :mod:`.relations` writes the language as
relations ``template(T, h)`` and ``renders(T, Scope, Out)``; :func:`generate` runs them
with everything unknown to list cases (:class:`Case`), and :func:`compare` checks them
against this engine and Jinja2.
"""

from level3.templates.cases import Case, contexts_for, generate, templates_for
from level3.templates.differential import Report, compare, jinja_available
from level3.templates.errors import (
    TemplateBudgetError,
    TemplateError,
    TemplateRuntimeError,
    TemplateSyntaxError,
    UndefinedError,
)
from level3.templates.markup import Markup, escape
from level3.templates.template import Template, render

__all__ = [
    "Case",
    "Markup",
    "Report",
    "Template",
    "TemplateBudgetError",
    "TemplateError",
    "TemplateRuntimeError",
    "TemplateSyntaxError",
    "UndefinedError",
    "compare",
    "contexts_for",
    "escape",
    "generate",
    "jinja_available",
    "render",
    "templates_for",
]

"""The public entry points: ``Template(source).render(context)`` and ``render(source, context)``."""

from __future__ import annotations

from collections.abc import Mapping

from level3.templates.filters import FILTERS
from level3.templates.nodes import Node
from level3.templates.parser import parse
from level3.templates.runtime import MAX_LOOP_ITERATIONS, MAX_OUTPUT_CHARS, Renderer

__all__ = ["Template", "render"]


class Template:
    """A parsed template, ready to render many times.

    Parsing happens here, once: a bad template raises TemplateSyntaxError (with line and
    column) before any context is involved. ``autoescape`` (default on) HTML-escapes
    every ``{{ value }}`` that is not marked safe; ``strict_undefined`` (default on) makes
    a missing variable an UndefinedError instead of an empty string.

    Every render has two work budgets, so a hostile template cannot hang or fill memory:
    ``max_loop_iterations`` (default 100,000, all loops together) and
    ``max_output_chars`` (default 10,000,000). Going over one raises
    TemplateBudgetError (a TemplateRuntimeError) naming the limit; raise it for a
    template you trust.
    """

    def __init__(
        self,
        source: str,
        *,
        autoescape: bool = True,
        strict_undefined: bool = True,
        max_loop_iterations: int = MAX_LOOP_ITERATIONS,
        max_output_chars: int = MAX_OUTPUT_CHARS,
    ) -> None:
        self.source = source
        self.nodes: tuple[Node, ...] = parse(source, FILTERS)
        self._renderer = Renderer(
            autoescape=autoescape,
            strict_undefined=strict_undefined,
            max_loop_iterations=max_loop_iterations,
            max_output_chars=max_output_chars,
        )

    def render(self, context: Mapping[str, object] | None = None) -> str:
        """The template's text for ``context`` (a mapping of variable names to values)."""
        return self._renderer.render(self.nodes, context or {})

    def __repr__(self) -> str:
        preview = self.source if len(self.source) <= 40 else self.source[:37] + "..."
        return f"Template({preview!r})"


def render(
    source: str,
    context: Mapping[str, object] | None = None,
    *,
    autoescape: bool = True,
    strict_undefined: bool = True,
    max_loop_iterations: int = MAX_LOOP_ITERATIONS,
    max_output_chars: int = MAX_OUTPUT_CHARS,
) -> str:
    """Parse ``source`` and render it with ``context`` in one call (budgets as in Template)."""
    template = Template(
        source,
        autoescape=autoescape,
        strict_undefined=strict_undefined,
        max_loop_iterations=max_loop_iterations,
        max_output_chars=max_output_chars,
    )
    return template.render(context)

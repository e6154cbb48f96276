"""The public entry points: ``Template(source).render(context)`` and ``render(source, context)``."""

from __future__ import annotations

from collections.abc import Mapping

from level3.templates.filters import FILTERS
from level3.templates.nodes import Node
from level3.templates.parser import parse
from level3.templates.runtime import Renderer

__all__ = ["Template", "render"]


class Template:
    """A parsed template, ready to render many times.

    Parsing happens here, once: a bad template raises TemplateSyntaxError (with line and
    column) before any context is involved. ``autoescape`` (default on) HTML-escapes
    every ``{{ value }}`` that is not marked safe; ``strict_undefined`` (default on) makes
    a missing variable an UndefinedError instead of an empty string.
    """

    def __init__(
        self, source: str, *, autoescape: bool = True, strict_undefined: bool = True
    ) -> None:
        self.source = source
        self.nodes: tuple[Node, ...] = parse(source, FILTERS)
        self._renderer = Renderer(autoescape=autoescape, strict_undefined=strict_undefined)

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
) -> str:
    """Parse ``source`` and render it with ``context`` in one call."""
    template = Template(source, autoescape=autoescape, strict_undefined=strict_undefined)
    return template.render(context)

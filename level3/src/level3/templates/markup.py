"""Safe strings and HTML escaping: what autoescape means.

With autoescape on, every value printed by ``{{ ... }}`` is escaped unless it is already
:class:`Markup`, a ``str`` that says "I am HTML, print me as is". The ``safe`` and
``escape`` filters return Markup, so escaping happens exactly once. Any object with an
``__html__`` method (the convention shared by markupsafe, Django and friends) counts as
safe too, so values prepared by another library are not escaped twice.
"""

from __future__ import annotations

__all__ = ["Markup", "escape", "is_markup"]

# The same five replacements as markupsafe (Jinja2's escaper). html.escape differs:
# it writes &quot; and &#x27;, which would make every differential test disagree.
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})


class Markup(str):
    """A string that is already safe HTML: autoescape prints it unchanged."""

    __slots__ = ()

    def __html__(self) -> Markup:
        return self


def is_markup(value: object) -> bool:
    """True for values autoescape must not touch: anything with an ``__html__`` method."""
    return hasattr(value, "__html__")


def escape(value: object) -> Markup:
    """``value`` as safe HTML: ``& < > " '`` replaced by entities, unless already safe."""
    if is_markup(value):
        return Markup(value.__html__())  # type: ignore[attr-defined]
    return Markup(str(value).translate(_ESCAPES))

"""Markdown to HTML, then sanitised: an author's (or attacker's) HTML never runs in a reader's page.

Markdown passes raw HTML through, so ``<script>`` or ``<img onerror=...>`` in a post
would reach the page. :func:`render_markdown` renders first and then keeps only the
tags and attributes listed here (nh3, a Rust sanitiser): no scripts, no event-handler
attributes, no ``javascript:`` links, and every link gets ``rel="noopener noreferrer"``.
"""

from __future__ import annotations

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "img", "li",
    "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "abbr": {"title"}}
URL_SCHEMES = {"http", "https", "mailto"}
EXTENSIONS = ["fenced_code", "tables"]


def render_markdown(text: str) -> SafeString:
    """Safe HTML for ``text``: Markdown with fenced code and tables, sanitised by nh3."""
    html = markdown.markdown(text, extensions=EXTENSIONS, output_format="html")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return mark_safe(clean)

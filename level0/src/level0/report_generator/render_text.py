"""The report as Markdown and as a self-contained HTML page (charts are linked PNG files).

Both keep the full Unicode text; every cell is escaped for its format (``|`` in
Markdown, ``<&>`` in HTML), so data can never break the layout.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from level0.report_generator.tables import Table

if TYPE_CHECKING:
    from level0.report_generator.report import Report

__all__ = ["to_html", "to_markdown"]


def to_markdown(report: Report) -> str:
    """GitHub-flavoured Markdown: a heading, the facts as a list, pipe tables, image links."""
    lines = [f"# {report.title}", ""]
    if report.subtitle:
        lines += [report.subtitle, ""]
    lines += [f"- **{name}:** {_md(value)}" for name, value in report.facts] + [""]
    for table in report.tables:
        lines += [f"## {table.title}", "", *_md_table(table), ""]
        if table.note:
            lines += [f"*{_md(table.note)}*", ""]
    if report.charts:
        lines += ["## Charts", ""]
        lines += [f"![{_md(c.title)}]({c.filename})\n" for c in report.charts]
    return "\n".join(lines).rstrip() + "\n"


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _md_table(table: Table) -> list[str]:
    rule = ["---:" if numeric else ":---" for numeric in table.numeric]
    return (
        ["| " + " | ".join(_md(c) for c in row) + " |" for row in [table.header]]
        + ["| " + " | ".join(rule) + " |"]
        + ["| " + " | ".join(_md(c) for c in row) + " |" for row in table.rows]
    )


_STYLE = """
body { font-family: Helvetica, Arial, sans-serif; max-width: 60rem; margin: 2rem auto; color: #222; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.6rem; }
th { background: #eee; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; }
img { max-width: 100%; }
""".strip()


def to_html(report: Report) -> str:
    """A standalone HTML page; numeric columns are right-aligned and the All row is bold."""
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        f'<head><meta charset="utf-8"><title>{e(report.title)}</title><style>{_STYLE}</style></head>',
        "<body>",
        f"<h1>{e(report.title)}</h1>",
    ]
    if report.subtitle:
        parts.append(f'<p class="subtitle">{e(report.subtitle)}</p>')
    parts.append('<dl class="facts">')
    parts += [f"<dt>{e(name)}</dt><dd>{e(value)}</dd>" for name, value in report.facts]
    parts.append("</dl>")
    for table in report.tables:
        parts.append(f"<h2>{e(table.title)}</h2>")
        parts.append(_html_table(table))
        if table.note:
            parts.append(f'<p class="note"><em>{e(table.note)}</em></p>')
    if report.charts:
        parts.append("<h2>Charts</h2>")
        parts += [
            f'<figure><img src="{e(c.filename)}" alt="{e(c.title)}"></figure>'
            for c in report.charts
        ]
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def _html_table(table: Table) -> str:
    def cell(tag: str, text: str, numeric: bool) -> str:
        cls = ' class="num"' if numeric else ""
        return f"<{tag}{cls}>{html.escape(text)}</{tag}>"

    head = "".join(cell("th", h, n) for h, n in zip(table.header, table.numeric, strict=True))
    body = []
    for i, row in enumerate(table.rows):
        cls = ' class="total"' if table.total_row and i == len(table.rows) - 1 else ""
        cells = "".join(cell("td", c, n) for c, n in zip(row, table.numeric, strict=True))
        body.append(f"<tr{cls}>{cells}</tr>")
    return (
        f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n"
        + "\n".join(body)
        + "\n</tbody>\n</table>"
    )

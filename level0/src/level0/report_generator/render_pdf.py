"""The report as a PDF with fpdf2: a title page, tables, charts and "Page n of N" footers.

fpdf2 draws with a core font (Helvetica), so no font file has to ship with the
package. Core fonts only know the Windows-1252 character set; every string goes
through :func:`~level0.report_generator.formatting.pdf_safe` first, which keeps
cp1252 text (€, curly quotes, dashes) and replaces the rest (see its docstring).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from fpdf import FPDF, FontFace

from level0.report_generator.formatting import PDF_ENCODING, pdf_safe
from level0.report_generator.tables import Table

if TYPE_CHECKING:
    from level0.report_generator.report import Report

__all__ = ["ReportPDF", "to_pdf"]

FONT = "Helvetica"
_HEADINGS = FontFace(emphasis="BOLD", fill_color=(225, 225, 225))


class ReportPDF(FPDF):
    """An A4 portrait FPDF whose footer shows the report title and ``Page n of N``."""

    def __init__(self, title: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.report_title = pdf_safe(title)
        self.core_fonts_encoding = PDF_ENCODING
        self.set_title(self.report_title)
        self.set_creator("level0.report_generator (fpdf2)")
        self.set_auto_page_break(auto=True, margin=18)
        self.alias_nb_pages()  # "{nb}" becomes the page count when the document is closed

    def footer(self) -> None:
        """Called by fpdf2 at the end of every page."""
        self.set_y(-13)
        self.set_font(FONT, size=8)
        self.set_text_color(110)
        self.cell(self.epw / 2, 6, self.report_title, align="L")
        self.cell(self.epw / 2, 6, f"Page {self.page_no()} of {{nb}}", align="R")
        self.set_text_color(0)


def to_pdf(report: Report) -> bytes:
    """Render ``report``; returns the PDF file's bytes."""
    pdf = ReportPDF(report.title)
    _title_page(pdf, report)
    for table in report.tables:
        if pdf.will_page_break(40):  # keep a heading together with the start of its table
            pdf.add_page()
        else:
            pdf.ln(4)
        _heading(pdf, table.title)
        _table(pdf, table)
    width = pdf.epw
    height = width * 4.2 / 8  # the charts' aspect ratio (charts.py draws 8 x 4.2 inches)
    for i, chart in enumerate(report.charts):
        if pdf.will_page_break(height + (14 if i == 0 else 0)):
            pdf.add_page()
        if i == 0:
            _heading(pdf, "Charts")
        pdf.image(io.BytesIO(chart.png), w=width, h=height, alt_text=pdf_safe(chart.title))
        pdf.ln(6)
    return bytes(pdf.output())


def _title_page(pdf: ReportPDF, report: Report) -> None:
    pdf.add_page()
    pdf.set_y(70)
    pdf.set_font(FONT, style="B", size=24)
    pdf.multi_cell(0, 11, pdf_safe(report.title), align="C", new_x="LMARGIN", new_y="NEXT")
    if report.subtitle:
        pdf.ln(3)
        pdf.set_font(FONT, style="I", size=13)
        pdf.multi_cell(0, 7, pdf_safe(report.subtitle), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(12)
    pdf.set_font(FONT, size=11)
    with pdf.table(
        [(pdf_safe(name), pdf_safe(value)) for name, value in report.facts],
        width=110,
        col_widths=(40, 70),
        first_row_as_headings=False,
        borders_layout="HORIZONTAL_LINES",
        text_align=("LEFT", "LEFT"),
    ):
        pass
    pdf.add_page()  # the tables start on page 2


def _heading(pdf: ReportPDF, text: str) -> None:
    pdf.set_font(FONT, style="B", size=14)
    pdf.cell(0, 9, pdf_safe(text), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _table(pdf: ReportPDF, table: Table) -> None:
    pdf.set_font(FONT, size=9)
    align = tuple("RIGHT" if numeric else "LEFT" for numeric in table.numeric)
    last = len(table.rows) - 1
    with pdf.table(headings_style=_HEADINGS, text_align=align, line_height=5.5) as grid:
        grid.row([pdf_safe(h) for h in table.header])
        for i, cells in enumerate(table.rows):
            style = FontFace(emphasis="BOLD") if table.total_row and i == last else None
            grid.row([pdf_safe(c) for c in cells], style=style)
    if table.note:
        pdf.set_font(FONT, style="I", size=8)
        pdf.multi_cell(0, 5, pdf_safe(table.note), new_x="LMARGIN", new_y="NEXT")

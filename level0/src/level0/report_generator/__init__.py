"""CSV to a formatted report: summary tables and charts as Markdown, HTML and PDF.

Automating a report means making every formatting decision once, in code: which
tables, which charts, how a number, an amount of money or a date is printed. The
pieces, in the order the data flows through them:

* :func:`load_csv` reads the data (ISO-date columns become dates);
* a :class:`ReportSpec` says what goes in the report, read with :func:`load_spec`
  from JSON or TOML, or built from the column kinds by :func:`default_spec`;
* :func:`build_report` checks the spec against the data and computes a
  :class:`Report` (formatted :class:`Table` objects and PNG charts);
* :func:`write_report` renders Markdown, HTML and a PDF (fpdf2) and writes every file
  atomically; :func:`generate_report` does all of it from a CSV path.
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

if TYPE_CHECKING:  # imported on first use, so the CLI starts without the heavy libraries
    from level0.report_generator.data import ColumnKinds, DataError, infer_kinds, load_csv
    from level0.report_generator.formatting import (
        format_currency,
        format_date,
        format_integer,
        format_number,
        pdf_safe,
    )
    from level0.report_generator.report import (
        Report,
        ReportExists,
        build_report,
        generate_report,
        render_files,
        write_report,
    )
    from level0.report_generator.spec import (
        Aggregate,
        Chart,
        GroupBy,
        ReportSpec,
        SpecError,
        check_spec,
        default_spec,
        load_spec,
        spec_from_dict,
    )
    from level0.report_generator.tables import Table

__all__ = [
    "Aggregate",
    "Chart",
    "ColumnKinds",
    "DataError",
    "GroupBy",
    "Report",
    "ReportExists",
    "ReportSpec",
    "SpecError",
    "Table",
    "build_report",
    "check_spec",
    "default_spec",
    "format_currency",
    "format_date",
    "format_integer",
    "format_number",
    "generate_report",
    "infer_kinds",
    "load_csv",
    "load_spec",
    "pdf_safe",
    "render_files",
    "spec_from_dict",
    "write_report",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)

"""Tour step: analyse a short embedded text and save the JSON report and the table."""

from __future__ import annotations

import json
from pathlib import Path

from level0.atomic import atomic_write_text
from level0.text_analyzer import analyze_text, format_report
from level0.tour import TourResult

# Written for this project (no copyright restrictions): plain prose with a few
# non-ASCII words, a question, a quotation and a decimal number to exercise the rules.
SAMPLE_TEXT = """\
The lighthouse keeper climbed the stairs at dusk, as he had done for thirty years. \
He counted them out loud: one hundred and twelve. The lamp was heavy, the glass was cold, \
and the sea below was the colour of slate.

Every evening he wrote two lines in the log. "Wind from the north-west. All ships passed \
safely." Nobody had read the log in a decade, but he wrote it anyway. Was it pride, or \
habit? He could not have said.

In the village, the café owner kept a copy of the weather report pinned beside the till. \
On stormy nights she would look up at the hill and find the light. It turned every 7.5 \
seconds, steady as a heartbeat, and she would go back to her work.
"""


def run(out: Path) -> TourResult:
    """Analyse :data:`SAMPLE_TEXT`; write ``report.json`` and ``report.txt`` under ``out``."""
    report = analyze_text(SAMPLE_TEXT, top=5, ngram=2)
    json_path, table_path = out / "report.json", out / "report.txt"
    atomic_write_text(json_path, json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n")
    atomic_write_text(table_path, format_report(report) + "\n")
    summary = (
        f"{report.words} words, {report.sentences} sentences; "
        f"Flesch reading ease {report.flesch_reading_ease:.1f}"
    )
    return TourResult(data="bundled", key_result=summary, files=[json_path, table_path])

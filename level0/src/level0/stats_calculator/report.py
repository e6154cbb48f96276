"""Turning a summary into a readable two-column table or into JSON-ready data."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from level0.stats_calculator.describe import Correlation, Summary
from level0.stats_calculator.streaming import StreamSummary

__all__ = ["as_json", "format_table"]

LABELS = {
    "variance_sample": "variance (sample, n-1)",
    "variance_population": "variance (population, n)",
    "std_sample": "std (sample, n-1)",
    "std_population": "std (population, n)",
    "outlier_fences": "IQR fences (1.5 IQR)",
    "iqr_outliers": "IQR outliers",
    "max_abs_zscore": "max |z-score|",
    "zscore_outliers": "|z| > 3 outliers",
    "excess_kurtosis": "excess kurtosis",
    "mean_ci": "CI of the mean (t)",
    "mode_count": "mode frequency",
    "missing": "missing (skipped)",
}


def as_json(
    summary: Summary | StreamSummary,
    source: str,
    column: str | None,
    other: str | None = None,
    correlation: Correlation | None = None,
) -> dict[str, Any]:
    """A JSON-ready report: where the numbers came from, which path, the statistics.

    The correlation with column ``other`` comes from ``correlation`` (in-memory path)
    or from the streaming summary's own one-pass Pearson r.
    """
    statistics = asdict(summary)
    report: dict[str, Any] = {
        "source": source,
        "column": column,
        "path": "streaming" if isinstance(summary, StreamSummary) else "in-memory",
        "statistics": statistics,
    }
    if isinstance(summary, StreamSummary):
        pearson, n_pairs = statistics.pop("pearson"), statistics.pop("n_pairs")
        if other is not None:
            report["correlation"] = {"with": other, "n_pairs": n_pairs, "pearson": pearson}
    elif other is not None and correlation is not None:
        report["correlation"] = {"with": other, **asdict(correlation)}
    return report


def format_table(report: dict[str, Any]) -> str:
    """The report of :func:`as_json` as aligned ``name  value`` lines."""
    stats = dict(report["statistics"])
    not_computed: dict[str, str] = stats.pop("not_computed", {})
    confidence = stats.pop("confidence")
    rows: list[tuple[str, str]] = []
    for key, value in stats.items():
        if key == "percentiles":
            rows.extend((name, _format(v)) for name, v in value.items())
        elif key == "mean_ci":
            rows.append((f"{confidence:.0%} CI of the mean (t)", _format(value)))
        elif key == "modes" and value == [] and stats["count"] > 1:
            rows.append(("modes", "none (every value occurs once)"))
        else:
            rows.append((LABELS.get(key, key.replace("_", " ")), _format(value)))
    if "correlation" in report:
        corr = report["correlation"]
        rows.append((f"Pearson r with {corr['with']!r}", _format(corr["pearson"])))
        if "spearman" in corr:
            rows.append((f"Spearman rho with {corr['with']!r}", _format(corr["spearman"])))
        rows.append(("complete pairs", _format(corr["n_pairs"])))
    column = f"column {report['column']!r} of " if report["column"] else ""
    lines = [f"{column}{report['source']} ({report['path']} path)"]
    width = max(len(name) for name, _ in rows)
    lines += [f"  {name:<{width}}  {value}" for name, value in rows]
    if not_computed:
        lines.append("not computed in one pass (use the in-memory path, without --stream):")
        lines += [f"  {name}: {why}" for name, why in not_computed.items()]
    return "\n".join(lines)


def _format(value: object) -> str:
    if value is None:
        return "undefined"
    if isinstance(value, float):
        return f"{value:.10g}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_format(v) for v in value) + "]"
    return str(value)

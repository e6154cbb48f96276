"""Text for the terminal: the comparison table, the honest estimate, the diagnosis, the held-out report."""

from __future__ import annotations

from typing import Any

from level1.spam.metrics import SpamReport
from level4.tuning.evaluation import HeldOut, format_heldout

__all__ = ["format_runs", "format_summary"]


def _fits(value: Any) -> str:
    return "never" if value is None else f"{value}"


def format_methods(rows: list[dict[str, Any]]) -> str:
    """One line per search method: cost, best CV MCC, and the race against grid search."""
    header = (
        f"{'method':<8} {'trials':>6} {'fits':>5} {'full-size':>9} {'seconds':>8} {'best CV MCC':>12}"
        f" {'best in 1/3 grid fits':>21} {'fits to grid-0.002':>18}"
    )
    lines = [header]
    for row in rows:
        third = row.get("best_within_third_of_grid_fits")
        third_text = (
            "-" if third is None else ("none" if third == float("-inf") else f"{third:.4f}")
        )
        lines.append(
            f"{row['method']:<8} {row['trials']:>6} {row['fits']:>5} {row['full_fit_equivalents']:>9}"
            f" {row['seconds']:>8} {row['best_cv_mcc']:>7.4f}±{row['best_cv_std']:.3f}"
            f" {third_text:>21} {_fits(row.get('fits_to_within_0.002_of_grid')) if 'grid_best_cv_mcc' in row else '-':>18}"
        )
    return "\n".join(lines)


def format_summary(summary: dict[str, Any]) -> str:
    """The whole run as text, in the order the workflow ran it."""
    synthetic = (
        " (SYNTHETIC: separable by construction, scores mean little)"
        if summary["synthetic"]
        else ""
    )
    lines = [
        f"corpus {summary['corpus']}{synthetic}: {summary['training_messages']} training, "
        f"{summary['heldout_messages']} held-out messages; CV {summary['cv']}; budget "
        f"{summary['budget']} fits per method ({summary['backend']} backend)",
        "",
        format_methods(summary["methods"]),
        "  (full-size: fits weighted by the rows they used; halving's early rounds use fewer)",
        "",
        f"chosen on CV: {summary['chosen']['method']} search, {summary['chosen']['setting']}",
    ]
    nested = summary.get("nested")
    if nested:
        lines.append(
            f"  best CV MCC {nested['best_cv_mcc']:.4f}   nested CV MCC {nested['nested_mcc']:.4f}"
            f" ± {nested['nested_std']:.4f}   optimism {nested['optimism']:+.4f}"
        )
    lines += [
        f"  threshold {summary['threshold']:.4f} (out-of-fold, at most {summary['max_blocked_ham']:.2%} ham blocked)",
        "",
        "diagnosis: " + summary["diagnosis"]["text"],
        "",
        format_heldout(_heldout(summary["heldout"]), "held-out split, scored once"),
    ]
    return "\n".join(lines)


def _heldout(data: dict[str, Any]) -> HeldOut:
    report = SpamReport(
        data["accuracy"], data["spam_caught"], data["blocked_ham"], data["mcc"], data["confusion"]
    )
    return HeldOut(report, data["f1"], data["roc_auc"], data["pr_auc"], data["threshold"])


def _short(value: str) -> str:
    """A logged parameter for a table: long floats to 4 significant digits."""
    try:
        return f"{float(value):.4g}" if "." in value else value
    except ValueError:
        return value


def format_runs(rows: list[dict[str, Any]]) -> str:
    """Logged trials, best first: method, CV MCC, fit time, setting."""
    lines = [f"{'method':<8} {'trial':>5} {'CV MCC':>15} {'fit s':>6} {'rows':>5}  setting"]
    for row in rows:
        params = row["params"]
        setting = ", ".join(f"{k}={_short(v)}" for k, v in sorted(params.items()))
        lines.append(
            f"{row['method']:<8} {row['trial']:>5} {row['cv_mcc']:>7.4f}±{row['cv_mcc_std']:.4f}"
            f" {row['fit_seconds']:>6.2f} {int(row['training_rows']):>5}  {setting}"
        )
    return "\n".join(lines)

"""Cluster profiles: what the products in each cluster look like, in the matrix's own units.

Profiles read the **unscaled** matrix (pounds, stars), so they can be read as prices
and ratings. Columns that a features CSV does not have are left out of the profile.
``top_features`` names the columns whose cluster mean is farthest from the overall
mean in standard deviations: that is what the clustering actually followed.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

__all__ = ["cluster_profiles", "profiles_markdown"]

CATEGORY_PREFIX = "category="


def cluster_profiles(
    matrix: pd.DataFrame, labels: np.ndarray, *, top: int = 3
) -> list[dict[str, Any]]:
    """One dict per cluster label (sorted; -1 = noise): size, price band, rating, category mix."""
    labels = np.asarray(labels)
    if len(labels) != len(matrix):
        raise ValueError(f"{len(labels)} labels for {len(matrix)} rows")
    spread = matrix.std(ddof=0).replace(0.0, np.nan)
    z_means = (matrix.groupby(labels).mean() - matrix.mean()) / spread
    categories = [c for c in matrix.columns if str(c).startswith(CATEGORY_PREFIX)]
    profiles = []
    for label in sorted(set(labels.tolist())):
        rows = matrix[labels == label]
        profile: dict[str, Any] = {
            "cluster": int(label),
            "size": len(rows),
            "share": round(len(rows) / len(matrix), 4),
        }
        if "price" in rows:
            price = rows["price"]
            profile["price_mean"] = round(float(price.mean()), 2)
            profile["price_range"] = [round(float(price.min()), 2), round(float(price.max()), 2)]
        if "price_band" in rows:
            bands = rows["price_band"].round().astype(int).value_counts(normalize=True)
            profile["price_bands"] = {
                str(band): round(float(bands.get(band, 0.0)), 3)
                for band in sorted(matrix["price_band"].round().astype(int).unique())
            }
        if "rating" in rows:
            profile["rating_mean"] = round(float(rows["rating"].mean()), 2)
        if categories:
            mix = rows[categories].mean().sort_values(ascending=False)
            profile["categories"] = {
                str(name).removeprefix(CATEGORY_PREFIX): round(float(share), 3)
                for name, share in mix.head(top).items()
                if share > 0
            }
        distinct = z_means.loc[label].dropna()
        order = distinct.abs().sort_values(ascending=False).index[:top]
        profile["top_features"] = {str(c): round(float(distinct[c]), 2) for c in order}
        profiles.append(profile)
    return profiles


def profiles_markdown(profiles: list[dict[str, Any]]) -> str:
    """The profiles as a Markdown table (one row per cluster)."""
    header = (
        "| cluster | products | share | price £ mean (min-max) | price bands (cheap→dear) "
        "| rating | categories | stands out (z) |"
    )
    lines = [header, "| --- | ---: | ---: | --- | --- | ---: | --- | --- |"]
    for p in profiles:
        name = "noise" if p["cluster"] == -1 else str(p["cluster"])
        price = (
            f"{p['price_mean']:.2f} ({p['price_range'][0]:.2f}-{p['price_range'][1]:.2f})"
            if "price_mean" in p
            else "-"
        )
        bands = "/".join(f"{v:.0%}" for v in p.get("price_bands", {}).values()) or "-"
        rating = f"{p['rating_mean']:.2f}" if "rating_mean" in p else "-"
        mix = ", ".join(f"{k} {v:.0%}" for k, v in p.get("categories", {}).items()) or "-"
        top = ", ".join(f"{k} {v:+.1f}" for k, v in p["top_features"].items()) or "-"
        lines.append(
            f"| {name} | {p['size']} | {p['share']:.1%} | {price} | {bands} | {rating} | {mix} "
            f"| {top} |"
        )
    return "\n".join(lines) + "\n"

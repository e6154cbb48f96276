"""The price page: a California district in; its median house value, a 90% interval,
the inputs that moved it most, and where the district lies among the training districts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st
from pydantic import ValidationError

from level2.housing.data import VALUE_CAP
from level5.api.models import EXAMPLE_DISTRICT, HousingInput, ServedModel
from level5.app.districts import OCEAN, Districts
from level5.app.explain import feature_moves
from level5.app.loading import districts, served_model

EXAMPLE = EXAMPLE_DISTRICT  # the first district of housing.csv, the Berkeley hills
LABELS = {
    "longitude": ("Longitude (°)", "%.2f", 0.01),
    "latitude": ("Latitude (°)", "%.2f", 0.01),
    "housing_median_age": ("Median age of the houses (years)", "%.0f", 1.0),
    "total_rooms": ("Rooms in the district", "%.0f", 10.0),
    "total_bedrooms": ("Bedrooms in the district", "%.0f", 10.0),
    "population": ("People living there", "%.0f", 10.0),
    "households": ("Households", "%.0f", 10.0),
    "median_income": ("Median income (tens of thousands of USD a year)", "%.4f", 0.1),
}
AT_LEAST = {"total_rooms": 1.0, "households": 1.0}  # the swaps divide by these
MAP_POINTS = 4000  # training districts drawn on the map; all 16,512 would slow the page


def ask_district(data: Districts) -> dict[str, Any]:
    """The inputs, each bounded by the smallest and largest value in the training data."""
    district: dict[str, Any] = {}
    columns = st.columns(2)
    for i, (name, (label, fmt, step)) in enumerate(LABELS.items()):
        low, high = data.bounds(name)
        low = max(low, AT_LEAST.get(name, low))
        district[name] = columns[i % 2].number_input(
            label,
            min_value=low,
            max_value=high,
            value=min(max(EXAMPLE[name], low), high),
            step=step,
            format=fmt,
            key=name,
        )
    district["ocean_proximity"] = columns[0].selectbox(
        "Distance to the ocean",
        OCEAN,
        index=OCEAN.index(EXAMPLE["ocean_proximity"]),
        key="ocean_proximity",
    )
    return district


def location_map(data: Districts, district: dict[str, Any]) -> alt.LayerChart:
    """The district (red) over a sample of the training districts coloured by value.

    Drawn by Vega-Lite in the browser with no map tiles, so it works offline."""
    sample = data.frame.sample(min(MAP_POINTS, len(data.frame)), random_state=0)
    points = (
        alt.Chart(sample)
        .mark_circle(size=12, opacity=0.6)
        .encode(
            longitude="longitude:Q",
            latitude="latitude:Q",
            color=alt.Color("median_house_value:Q", title="value (USD)").scale(scheme="viridis"),
        )
    )
    here = (
        alt.Chart(pd.DataFrame([district]))
        .mark_point(shape="cross", size=500, color="red", strokeWidth=4)
        .encode(longitude="longitude:Q", latitude="latitude:Q")
    )
    chart: alt.LayerChart = (points + here).project("mercator").properties(height=420)
    return chart


def show_prediction(model: ServedModel, data: Districts, district: dict[str, Any]) -> None:
    def predict(rows: list[Mapping[str, Any]]) -> list[float]:
        # the swapped districts are computed, not typed: no validation (a scaled count
        # may exceed the API's bounds, and the model still answers)
        return [
            p["value"] for p in model.predict([HousingInput.model_construct(**r) for r in rows])
        ]

    try:
        (answer,) = model.predict([HousingInput(**district)])
    except ValidationError as exc:
        st.error(f"These inputs are outside what the model accepts: {exc.errors()[0]['msg']}")
        return
    value, (low, high) = answer["value"], answer["interval"]
    st.metric("Predicted median house value", f"${value:,.0f}")
    st.markdown(
        f"**90% interval: \\${max(low, 0.0):,.0f} – \\${high:,.0f}.** The model's errors in "
        "5-fold cross-validation on the training districts fell between "
        f"{low - value:+,.0f} and {high - value:+,.0f} USD nine times in ten; the interval "
        "adds that band to this prediction (same width everywhere)."
    )
    if high >= VALUE_CAP - 50_000:
        st.warning(
            "This district is near the census cap: every value above \\$500,000 was "
            "recorded as \\$500,001, so the model has never seen a higher one and underestimates "
            "the most expensive districts."
        )
    swaps = {swap.name: swap for swap in data.swaps(district)}
    moves = feature_moves(predict, district, {name: s.district for name, s in swaps.items()})
    st.subheader("What moved the price most")
    st.caption(
        "Each input in turn set to its median in the training districts (the most common "
        "distance to the ocean): the change is how far this district's own value moved "
        "the prediction. The counts are compared as ratios, as the model uses them."
    )
    table = pd.DataFrame(
        {
            "input": [m.name for m in moves],
            "this district": [swaps[m.name].this for m in moves],
            "typical": [swaps[m.name].typical for m in moves],
            "moved the price by (USD)": [round(m.change) for m in moves],
        }
    )
    st.dataframe(table, hide_index=True)


def show_limits(model: ServedModel, data: Districts) -> None:
    metrics = model.metrics
    rmse = metrics.get("cv_rmse")
    coverage = metrics.get("interval_coverage_cv")
    measured = (
        f"Its cross-validated error (RMSE) is \\${rmse:,.0f}; the 90% interval held "
        f"{coverage:.1%} of the training districts in cross-validation."
        if rmse is not None and coverage is not None
        else ""
    )
    origin = (
        "SYNTHETIC districts (the real table is not cached)"
        if data.synthetic
        else ("the 1990 California census block groups")
    )
    with st.expander("What this model can and cannot do"):
        st.markdown(
            f"Trained on {origin}: a value is the median of a block group (a few hundred "
            "households), in 1990 dollars, not a house and not today's price. Values were "
            "capped at \\$500,001, so it cannot predict more than about \\$500,000. Inputs "
            f"are bounded by the smallest and largest values in the data. {measured}"
        )


st.title("Median house value of a California district")
st.caption("What would a 1990 census block group with these figures be worth?")
housing = served_model("housing", "level2.housing")
if housing is not None:
    known = districts()
    inputs, where = st.columns(2)
    with inputs:
        chosen = ask_district(known)
        show_prediction(housing, known, chosen)
    with where:
        st.subheader("Where it is")
        st.altair_chart(location_map(known, chosen), width="stretch")
    show_limits(housing, known)

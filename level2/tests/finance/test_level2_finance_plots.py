"""The charts: every legend sits outside the plotting area, so it never hides a line."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest

from level2.finance import clean_prices, cumulative_returns, synthetic_prices
from level2.finance.plots import cumulative_figure, drawdown_figure, price_figure


@pytest.fixture(scope="module")
def closes():
    walks = synthetic_prices(["AAA", "BBB", "CCC"], days=400, seed=3)
    return [clean_prices(walks[name], name).close for name in walks]


def _legend_and_axes_boxes(figure):
    figure.canvas.draw()
    (axes,) = figure.axes
    legend = axes.get_legend()
    assert legend is not None
    return legend.get_window_extent(), axes.get_window_extent()


@pytest.mark.parametrize("chart", ["price", "drawdown", "cumulative"])
def test_the_legend_does_not_overlap_the_data(chart, closes):
    """Legends used to sit inside the axes ("upper left", "lower left") over the lines."""
    import pandas as pd

    if chart == "price":
        figure = price_figure(closes[0], (20, 50, 200))
    elif chart == "drawdown":
        figure = drawdown_figure(closes[0])
    else:
        figure = cumulative_figure(cumulative_returns(pd.concat(closes, axis=1)))
    try:
        legend, axes = _legend_and_axes_boxes(figure)
        assert not legend.overlaps(axes), (legend, axes)
        assert legend.x0 >= axes.x1  # to the right of the plotting area
    finally:
        plt.close(figure)

"""The app's entry script (``streamlit run`` runs it on every interaction): two pages."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from level5.app.loading import models_dir

HERE = Path(__file__).parent

st.set_page_config(page_title="Sentiment and house prices", layout="wide")
page = st.navigation(
    [
        st.Page(HERE / "sentiment_page.py", title="Sentiment", default=True),
        st.Page(HERE / "price_page.py", title="House price", url_path="price"),
    ]
)
st.sidebar.caption(f"Models from `{models_dir()}` (the API's model folder)")
page.run()

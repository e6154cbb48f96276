"""Loading both sources, pack sizes in titles, and the per-row cleaning step."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from level2.scraper import SHOP_RATES_TO_GBP


@pytest.mark.parametrize(
    ("title", "value", "unit"),
    [
        ("Water Bottle 750ml", 750.0, "ml"),
        ("Kettle 1.7 L", 1700.0, "ml"),
        ("Kettle 1,5 l", 1500.0, "ml"),
        ("Dumbbells 2 x 5 kg", 10000.0, "g"),
        ("Dumbbells 2x2.5kg", 5000.0, "g"),
        ("Mug Set 4 × 350 ml", 1400.0, "ml"),
        ("Coffee 500 g", 500.0, "g"),
        ("Weights 10 lb", 4535.9237, "g"),
        ("Cup 16 fl oz", 16 * 29.5735295625, "ml"),
        ("Socks pack of 3", 3.0, "item"),
        ("Socks 5-pack", 5.0, "item"),
        ("Pens 12 pcs", 12.0, "item"),
    ],
)
def test_pack_sizes_are_normalised(pf, title, value, unit):
    quantity = pf.parse_quantity(title)
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit


@pytest.mark.parametrize(
    "title",
    ["The 5 Love Languages", "2 Girls", "A Light in the Attic", "Book 1 (Series #2)", "1984"],
)
def test_no_size_where_there_is_none(pf, title):
    assert pf.parse_quantity(title) is None


@given(number=st.integers(1, 5000), count=st.integers(2, 12))
def test_units_scale_consistently(pf, number, count):
    assert pf.parse_quantity(f"{number} kg").value == pytest.approx(
        1000 * pf.parse_quantity(f"{number} g").value
    )
    assert pf.parse_quantity(f"{number} l").value == pytest.approx(
        100 * pf.parse_quantity(f"{number} cl").value
    )
    single = pf.parse_quantity(f"{number} ml").value
    assert pf.parse_quantity(f"{count} x {number} ml").value == pytest.approx(count * single)


def test_book_titles_have_no_pack_sizes(pf, realdata):
    raw = pf.load_products(realdata("products"))
    assert sum(pf.parse_quantity(title) is not None for title in raw["title"]) == 0


def test_the_books_csvs(pf, realdata):
    raw = pf.load_products(realdata("products"))
    assert raw.shape == (1000, len(pf.RAW_COLUMNS))
    assert raw["id"].is_unique
    assert raw["category"].nunique() == 50
    assert (raw["description"] == "").sum() == 2
    tidy = pf.tidy_products(raw)
    assert tidy["price"].between(10, 60).all()
    assert (tidy["price"] == tidy["price_excl_tax"]).all()  # tax is 0 on this site
    assert tidy["rating"].isin([1, 2, 3, 4, 5]).all()
    assert tidy["in_stock"].eq(1).all()
    light = tidy.set_index("id").loc["a897fe39b1053632"]
    assert (light["title"], light["price"], light["stock"]) == ("A Light in the Attic", 51.77, 22)


def scraped(**fields):
    """One record as level2.scraper writes it."""
    record = {
        "url": "http://shop/p",
        "title": "Kettle 1.5 L",
        "price": None,
        "currency": None,
        "price_text": "£10.00",
        "availability": "In stock (5 available)",
        "in_stock": True,
        "stock": 5,
        "rating": 4,
        "category": "Home",
        "upc": "u1",
        "description": "A kettle that boils water",
        "issues": [],
    }
    return {**record, **fields}


@pytest.fixture
def write_jsonl(tmp_path):
    def write(*records):
        path = tmp_path / "products.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        return path

    return write


def test_cleaning_scraped_records(pf, write_jsonl):
    path = write_jsonl(
        scraped(),
        scraped(upc="u2", price_text="10,00 €", stock=-3, rating=None, description=None),
        scraped(upc="u3", price_text="Call for price", in_stock=False, stock=None),
        scraped(upc="u4", price_text="£10 - £20", availability="In stock", stock=None),
        scraped(upc="u5", price_text="about a tenner", title="Plain"),
        scraped(upc="", url="http://shop/no-upc", price_text="12.50"),
    )
    tidy = pf.tidy_products(pf.load_products(path)).set_index("id")
    assert tidy.loc["u1", "price"] == 10.0
    assert tidy.loc["u1", "price_per_unit"] == pytest.approx(10.0 / 15)  # per 100 ml
    assert tidy.loc["u2", "price"] == pytest.approx(10.0 * pf.RATES_TO_GBP["EUR"])
    assert tidy.loc["u2", "currency"] == "EUR"
    assert math.isnan(tidy.loc["u2", "stock"])
    assert tidy.loc["u2", "stock_negative"] == 1
    assert math.isnan(tidy.loc["u2", "rating"])
    assert tidy.loc["u2", "description_missing"] == 1
    assert (tidy.loc["u3", "stock"], tidy.loc["u3", "in_stock"]) == (0, 0)
    assert tidy.loc["u3", "price_kind"] == "missing"
    assert (tidy.loc["u4", "price"], tidy.loc["u4", "price_kind"]) == (15.0, "range")
    assert math.isnan(tidy.loc["u4", "stock"])
    assert tidy.loc["u4", "in_stock"] == 1
    assert tidy.loc["u5", "price_kind"] == "unreadable"
    assert "cannot read a price" in tidy.loc["u5", "price_issue"]
    assert tidy.loc["http://shop/no-upc", "price_issue"] == "no currency given, assumed GBP"
    assert tidy.loc["u1", "title_words"] == 3
    assert tidy.loc["u1", "description_words"] == 5


def test_duplicates_are_dropped_by_id(pf, write_jsonl):
    path = write_jsonl(scraped(), scraped(url="http://shop/again"), scraped(upc="u2"))
    tidy, dropped = pf.prepare(path)
    assert dropped == 1
    assert list(tidy["id"]) == ["u1", "u2"]


def test_the_cleaner_uses_the_demo_shops_exchange_rates(pf):
    assert pf.RATES_TO_GBP == SHOP_RATES_TO_GBP


def test_scraped_demo_prices_come_back_in_pounds(pf, demo_tidy):
    kinds = demo_tidy["price_kind"].value_counts()
    assert {"exact", "missing"} <= set(kinds.index)
    assert set(demo_tidy["currency"]) <= {"GBP", "EUR", "USD", ""}
    exact = demo_tidy[demo_tidy["price_kind"] == "exact"]
    by_currency = exact.groupby("currency")["price"].median()
    # converted back at the shop's rates, the three currencies describe one price level
    assert by_currency.max() / by_currency.min() < 1.6


@pytest.mark.parametrize(
    ("name", "content", "error", "message"),
    [
        ("p.jsonl", '{"url": "a"}\nnot json\n', ValueError, "line 2 is not JSON"),
        ("p.jsonl", '{"url": "a"}\n', ValueError, "not a scraper output, missing column"),
        ("p.txt", "hello", ValueError, "expected a folder of books CSVs"),
        ("p.csv", "a,b\n1,2\n", ValueError, "not a scraper output"),
    ],
)
def test_bad_input_files(pf, tmp_path, name, content, error, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(error, match=message):
        pf.load_products(path)


def test_missing_input(pf, tmp_path):
    with pytest.raises(FileNotFoundError):
        pf.load_products(tmp_path / "nope.jsonl")
    with pytest.raises(ValueError, match=r"no \.csv files"):
        pf.load_products(tmp_path)


def test_a_single_books_csv_and_a_scraper_csv(pf, tmp_path, realdata):
    poetry = pf.load_products(realdata("products") / "books_toscrape" / "Poetry.csv")
    assert set(poetry["category"]) == {"Poetry"}
    scraped_csv = tmp_path / "p.csv"
    pd.DataFrame([scraped()]).to_csv(scraped_csv, index=False)
    assert pf.load_products(scraped_csv)["id"].tolist() == ["u1"]

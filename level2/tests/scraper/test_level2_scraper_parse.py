"""The parsers: the real saved pages, the demo shop's pages, broken HTML and odd values."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from level2.scraper.demo_pages import list_page, product_page

REAL_PRODUCT_URL = "https://books.toscrape.com/catalogue/a-light-in-the-attic_1000/index.html"
FIELDS = ("title", "price", "currency", "price_text", "availability", "in_stock", "stock")
FIELDS += ("rating", "category", "upc", "description")


@pytest.fixture(scope="module")
def demo_product(solution):
    """A well-behaved product of the demo catalogue (no special page, every field shown)."""
    catalogue = solution("level2.scraper").build_catalogue(40, seed=0)
    return next(
        p
        for p in catalogue
        if p.special is None
        and p.stock
        and p.stock > 0
        and p.rating
        and p.description
        and p.price_text.startswith("£")
    )


def test_real_product_page(scraper, realdata):
    html = (realdata("products") / "html" / "a-light-in-the-attic_1000.html").read_bytes()
    product = scraper.parse_product_page(html, REAL_PRODUCT_URL)
    assert product.title == "A Light in the Attic"
    assert (product.price, product.currency, product.price_text) == (51.77, "GBP", "£51.77")
    assert (product.in_stock, product.stock, product.rating) == (True, 22, 3)
    assert (product.category, product.upc) == ("Poetry", "a897fe39b1053632")
    assert product.description.startswith("It's hard to imagine a world without A Light")
    assert product.description.endswith("Shel, you never sounded so good. ...more")
    assert product.issues == []


def test_real_catalogue_page(scraper, realdata):
    html = (realdata("products") / "html" / "index.html").read_bytes()
    page = scraper.parse_list_page(html, "https://books.toscrape.com/index.html")
    assert len(page.product_urls) == 20
    assert page.product_urls[0] == REAL_PRODUCT_URL
    assert page.next_url == "https://books.toscrape.com/catalogue/page-2.html"
    assert page.issues == []


def test_the_parser_reads_the_same_fields_from_the_real_site_and_the_demo_shop(
    scraper, realdata, demo_product
):
    real_html = (realdata("products") / "html" / "a-light-in-the-attic_1000.html").read_bytes()
    real = scraper.parse_product_page(real_html, REAL_PRODUCT_URL)
    demo = scraper.parse_product_page(product_page(demo_product).encode(), "http://127.0.0.1/x")
    for name in FIELDS:
        real_value, demo_value = getattr(real, name), getattr(demo, name)
        assert real_value is not None, name
        assert demo_value is not None, name
        assert type(real_value) is type(demo_value), name
    assert real.issues == demo.issues == []

    real_list = (realdata("products") / "html" / "index.html").read_bytes()
    items = [(demo_product, "catalogue/p_1/index.html")]
    demo_list = list_page(items, page=1, pages=2, total=30).encode()
    for html, base in ((real_list, "https://books.toscrape.com/"), (demo_list, "http://h/")):
        page = scraper.parse_list_page(html, base)
        assert page.product_urls
        assert page.next_url == base + "catalogue/page-2.html"


def test_demo_page_values_match_the_catalogue(scraper, demo_product):
    product = scraper.parse_product_page(product_page(demo_product), "http://127.0.0.1/p")
    assert product.title == demo_product.title
    assert product.price_text == demo_product.price_text
    assert product.stock == demo_product.stock
    assert product.rating == demo_product.rating
    assert product.category == demo_product.category
    assert product.upc == demo_product.upc
    assert product.description == demo_product.description


def test_broken_page_becomes_issues_not_a_crash(scraper, demo_product):
    broken = dataclasses.replace(demo_product, special="broken")
    product = scraper.parse_product_page(product_page(broken), "http://127.0.0.1/p")
    assert product.title == demo_product.title
    assert product.category == demo_product.category
    assert product.price is None
    assert product.upc is None
    kinds = {issue.kind for issue in product.issues}
    assert {"price: missing", "upc: missing", "rating: missing", "description: missing"} <= kinds


def test_a_page_that_is_not_a_product_page(scraper):
    product = scraper.parse_product_page("<html><body><p>Hello</p></body></html>", "http://h/")
    assert product.title is None
    assert "page: no product block (div.product_main)" in {i.kind for i in product.issues}
    page = scraper.parse_list_page("<html><body>nothing here</body></html>", "http://h/")
    assert page.product_urls == []
    assert page.next_url is None
    assert [i.kind for i in page.issues] == ["page: no products listed"]


def _page(price: str = "£5.00", availability: str = "In stock (3 available)", stars: str = "Two"):
    return f"""<html><head><meta charset="utf-8"></head><body>
    <ul class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/c">Tools</a></li>
    <li class="active">Saw</li></ul>
    <div class="product_main"><h1>Saw</h1><p class="price_color">{price}</p>
    <p class="instock availability">{availability}</p><p class="star-rating {stars}"></p></div>
    <div id="product_description"><h2>Description</h2></div><p>Cuts.</p>
    <table><tr><th>UPC</th><td>abc</td></tr></table></body></html>"""


@pytest.mark.parametrize(
    ("availability", "in_stock", "stock", "issue"),
    [
        ("In stock (3 available)", True, 3, None),
        ("Out of stock", False, 0, None),
        ("In stock", True, None, "stock: count not given"),
        ("In stock (-4 available)", True, -4, "stock: in stock with a count below 1"),
        ("Ask us", None, None, "availability: unreadable"),
    ],
)
def test_availability(scraper, availability, in_stock, stock, issue):
    product = scraper.parse_product_page(_page(availability=availability), "http://h/")
    assert (product.in_stock, product.stock) == (in_stock, stock)
    assert [i.kind for i in product.issues] == ([issue] if issue else [])


def test_unknown_star_class_is_a_missing_rating(scraper):
    product = scraper.parse_product_page(_page(stars="Many"), "http://h/")
    assert product.rating is None
    assert [str(i) for i in product.issues] == ["rating: missing"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("£51.77", (51.77, "GBP")),
        ("$12.99", (12.99, "USD")),
        ("12,99 €", (12.99, "EUR")),
        ("£ 7", (7.0, "GBP")),
        ("  £0.05 ", (0.05, "GBP")),
        ("from £12.00", None),
        ("£10.00 - £15.00", None),
        ("£1,234.00", None),
        ("Call for price", None),
        ("£", None),
    ],
)
def test_plain_prices_are_read_and_others_are_left_as_text(scraper, text, expected):
    assert scraper.parse_price_text(text) == expected


def test_an_odd_price_is_kept_as_text_with_an_issue(scraper):
    product = scraper.parse_product_page(_page(price="from £12.00"), "http://h/")
    assert (product.price, product.price_text) == (None, "from £12.00")
    assert [str(i) for i in product.issues] == ["price: unusual format ('from £12.00')"]


@given(cents=st.integers(0, 10**7), symbol=st.sampled_from(["£", "$", "€"]))
def test_plain_price_round_trip(scraper, cents, symbol):
    whole, rest = divmod(cents, 100)
    text = f"{whole},{rest:02d} €" if symbol == "€" else f"{symbol}{whole}.{rest:02d}"
    amount, currency = scraper.parse_price_text(text)
    assert round(amount * 100) == cents
    assert currency == {"£": "GBP", "$": "USD", "€": "EUR"}[symbol]


def test_bytes_are_decoded_by_the_page_charset_not_guessed(scraper):
    html = _page().encode("utf-8")
    assert scraper.parse_product_page(html, "http://h/").price_text == "£5.00"
    latin = _page().replace('charset="utf-8"', 'charset="iso-8859-1"').encode("latin-1")
    assert scraper.parse_product_page(latin, "http://h/").price_text == "£5.00"
    # a charset from the HTTP header wins over the page's own
    assert scraper.parse_product_page(html, "http://h/", "utf-8").price == 5.0


@settings(max_examples=40)
@given(cut=st.floats(0, 1))
def test_any_truncated_page_parses_and_every_gap_is_an_issue(scraper, demo_product, cut):
    html = product_page(demo_product)
    product = scraper.parse_product_page(html[: int(len(html) * cut)], "http://h/")
    flagged = {issue.field for issue in product.issues}
    for name in ("title", "upc", "rating", "description", "category"):
        if getattr(product, name) is None:
            assert name in flagged, name
    if product.price_text is None:
        assert "price" in flagged


@settings(max_examples=40)
@given(junk=st.text(max_size=300))
def test_arbitrary_text_never_crashes_the_parsers(scraper, junk):
    scraper.parse_product_page(junk, "http://h/")
    scraper.parse_list_page(junk.encode("utf-8", "surrogatepass"), "http://h/")

"""Read catalogue pages and product pages in the books.toscrape.com format.

The parsers never raise on a bad page. A field they cannot read becomes ``None``
and an :class:`Issue` says why, so one broken page costs one incomplete record,
not the whole crawl. Where a value is present but odd (a negative stock count, a
price written as "from £12.00"), the raw text is kept for the cleaning step to
decide what it means; the scraper only records, it does not guess.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Tag

__all__ = [
    "RECORD_FIELDS",
    "Issue",
    "ListPage",
    "Product",
    "parse_list_page",
    "parse_price_text",
    "parse_product_page",
]

RATING_WORDS = {"One": 1, "Two": 2, "Three": 3, "Four": 4, "Five": 5}
CURRENCY_SYMBOLS = {"£": "GBP", "$": "USD", "€": "EUR"}
# The plain forms a shop writes: "£51.77", "$12.99" and "12,99 €". Anything else
# ("from £12.00", "£10 - £20", "£1,234.00") is kept as text and flagged.
_PLAIN_PRICES = (
    re.compile(r"(?P<symbol>[£$€])\s?(?P<whole>\d+)(?:\.(?P<cents>\d{2}))?"),
    re.compile(r"(?P<whole>\d+)(?:,(?P<cents>\d{2}))?\s?(?P<symbol>€)"),
)
_STOCK_COUNT = re.compile(r"(-?\d+)\s+available")


@dataclass(frozen=True)
class Issue:
    """A data-quality problem in one field: ``price: missing``, ``stock: negative count (-3)``."""

    field: str
    problem: str
    value: str | None = None

    @property
    def kind(self) -> str:
        """The issue without its value, for counting: ``"price: unusual format"``."""
        return f"{self.field}: {self.problem}"

    def __str__(self) -> str:
        return self.kind if self.value is None else f"{self.kind} ({self.value!r})"


@dataclass
class Product:
    """One product page, as read. ``None`` means the page did not say (see ``issues``)."""

    url: str
    title: str | None = None
    price: float | None = None
    currency: str | None = None
    price_text: str | None = None
    availability: str | None = None
    in_stock: bool | None = None
    stock: int | None = None
    rating: int | None = None
    category: str | None = None
    upc: str | None = None
    description: str | None = None
    issues: list[Issue] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        """A JSON-ready dict; issues become strings like ``"price: missing"``."""
        record = asdict(self)
        record["issues"] = [str(issue) for issue in self.issues]
        return record


#: The keys of :meth:`Product.to_record`, in order (the CSV header).
RECORD_FIELDS: tuple[str, ...] = tuple(Product.__dataclass_fields__)


@dataclass
class ListPage:
    """One catalogue page: the product links on it and the link to the next page."""

    url: str
    product_urls: list[str]
    next_url: str | None
    issues: list[Issue] = field(default_factory=list)


def parse_list_page(html: str | bytes, url: str, encoding: str | None = None) -> ListPage:
    """The absolute product URLs listed on a catalogue page, and the next page's URL."""
    soup = _soup(html, encoding)
    links = [
        href
        for a in soup.select("article.product_pod h3 a[href]")
        if isinstance(href := a.get("href"), str)
    ]
    issues = [] if links else [Issue("page", "no products listed")]
    nxt = soup.select_one("ul.pager li.next a[href]")
    href = nxt.get("href") if nxt is not None else None
    next_url = urljoin(url, href) if isinstance(href, str) else None
    return ListPage(url, [urljoin(url, link) for link in links], next_url, issues)


def parse_product_page(html: str | bytes, url: str, encoding: str | None = None) -> Product:
    """Every field of a product page that can be read; an :class:`Issue` for each that cannot."""
    soup = _soup(html, encoding)
    product = Product(url=url)
    issues = product.issues
    main = soup.select_one("div.product_main")
    if main is None:
        issues.append(Issue("page", "no product block (div.product_main)"))
        main = soup
    info = _info_table(soup)

    product.title = _text(main.select_one("h1"))
    if product.title is None:
        issues.append(Issue("title", "missing"))

    price_tag = main.select_one("p.price_color")
    product.price_text = _text(price_tag) or info.get("Price (incl. tax)")
    if product.price_text is None:
        issues.append(Issue("price", "missing"))
    else:
        parsed = parse_price_text(product.price_text)
        if parsed is None:
            issues.append(Issue("price", "unusual format", product.price_text))
        else:
            product.price, product.currency = parsed

    product.availability = _text(main.select_one("p.availability")) or info.get("Availability")
    _read_stock(product)

    product.rating = _rating(main)
    if product.rating is None:
        issues.append(Issue("rating", "missing"))

    product.category = _category(soup)
    if product.category is None:
        issues.append(Issue("category", "missing"))

    product.upc = info.get("UPC")
    if product.upc is None:
        issues.append(Issue("upc", "missing"))

    product.description = _description(soup)
    if product.description is None:
        issues.append(Issue("description", "missing"))
    return product


def parse_price_text(text: str) -> tuple[float, str] | None:
    """(amount, ISO currency) for a plain price ("£51.77", "12,99 €"), else ``None``."""
    for pattern in _PLAIN_PRICES:
        match = pattern.fullmatch(text.strip())
        if match:
            cents = int(match["cents"] or 0)
            return int(match["whole"]) + cents / 100, CURRENCY_SYMBOLS[match["symbol"]]
    return None


def _soup(html: str | bytes, encoding: str | None) -> BeautifulSoup:
    """Parse with the stdlib parser. Bytes are decoded by the header's charset if given,
    else by the page's own ``<meta charset>`` (never by requests' ISO-8859-1 guess)."""
    if isinstance(html, bytes):
        return BeautifulSoup(html, "html.parser", from_encoding=encoding)
    return BeautifulSoup(html, "html.parser")


def _text(tag: Tag | None) -> str | None:
    """The tag's text with whitespace collapsed; ``None`` for no tag or no text."""
    if tag is None:
        return None
    text = " ".join(tag.get_text(" ").split())
    return text or None


def _info_table(soup: BeautifulSoup) -> dict[str, str]:
    """The "Product Information" table as {header: value}, e.g. {"UPC": "a897fe39b1053632"}."""
    info = {}
    for row in soup.select("table tr"):
        key, value = _text(row.find("th")), _text(row.find("td"))
        if key is not None and value is not None:
            info[key] = value
    return info


def _read_stock(product: Product) -> None:
    """Fill in_stock and stock from "In stock (22 available)", "In stock" or "Out of stock"."""
    text = product.availability
    if text is None:
        product.issues.append(Issue("availability", "missing"))
        return
    lowered = text.casefold()
    if lowered.startswith("out of stock"):
        product.in_stock, product.stock = False, 0
        return
    if not lowered.startswith("in stock"):
        product.issues.append(Issue("availability", "unreadable", text))
        return
    product.in_stock = True
    match = _STOCK_COUNT.search(text)
    if match is None:
        product.issues.append(Issue("stock", "count not given"))
        return
    product.stock = int(match[1])
    if product.stock <= 0:
        product.issues.append(Issue("stock", "in stock with a count below 1", match[1]))


def _rating(main: Tag | BeautifulSoup) -> int | None:
    """The star rating from the class list: ``<p class="star-rating Three">`` is 3."""
    tag = main.select_one("p.star-rating")
    if tag is None:
        return None
    classes = tag.get_attribute_list("class")
    return next((RATING_WORDS[c] for c in classes if c in RATING_WORDS), None)


def _category(soup: BeautifulSoup) -> str | None:
    """The breadcrumb's last linked step before the product: Home > Books > *Poetry* > title."""
    steps = soup.select("ul.breadcrumb li")
    linked = [step for step in steps if step.find("a") is not None]
    if len(linked) < 2:  # Home alone (or nothing) names no category
        return None
    return _text(linked[-1])


def _description(soup: BeautifulSoup) -> str | None:
    """The paragraph that follows the "Product Description" header."""
    header = soup.select_one("#product_description")
    if header is None:
        return None
    paragraph = header.find_next_sibling("p")
    return _text(paragraph) if isinstance(paragraph, Tag) else None

"""The demo shop's products: datagen's synthetic ``products`` preset, plus the trouble a real
shop has.

Everything here is **synthetic** (``level0.datagen``): titles, categories, prices,
ratings and stock counts are drawn at random with a fixed seed, never taken from a
real shop. On top of datagen's own mess (prices written as "£12.99", "12,99 €" or
"$12.99", some missing; negative stock counts; missing ratings; listings that appear
twice) the shop adds:

* prices in euros and dollars that are the pound price converted at the shop's fixed
  rates (:data:`SHOP_RATES_TO_GBP`, made up for the exercise), so a cleaner that
  converts back gets one comparable price;
* out-of-stock items, pack sizes in some titles ("Water Bottle 750ml"), and a few
  price formats a strict parser will not read ("from £12.00", "£10.00 - £15.00",
  "£1,234.00", "Call for price");
* four special pages, at fixed positions so tests and the README can name them:
  product 3 is **broken** (its HTML stops half-way), product 5 **fails once** with
  HTTP 500 and works on retry, product 7 is **slow**, and product 9 lives under
  ``/catalogue/staff-picks/``, which **robots.txt disallows**.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

__all__ = ["SHOP_RATES_TO_GBP", "SPECIAL", "DemoProduct", "build_catalogue"]

#: Product number -> what is special about its page.
SPECIAL = {3: "broken", 5: "flaky", 7: "slow", 9: "private"}
MIN_PRODUCTS = max(SPECIAL)
#: What one unit of each currency is worth in pounds at the demo shop (not market rates).
SHOP_RATES_TO_GBP = {"GBP": 1.0, "EUR": 0.85, "USD": 0.75}

_SIZES = {
    "Water Bottle": ("500 ml", "750ml", "1 L"),
    "Dumbbells": ("2 x 5 kg", "2x2.5kg", "10 lb"),
    "Kettle": ("1.7 L", "1.5l"),
    "Mug Set": ("4 x 350 ml", "6 x 250ml"),
    "Socks": ("pack of 3", "5-pack"),
    "Cookbook": ("", "500 g"),
}
_ODD_PRICES = ("from £{a:.2f}", "£{a:.2f} - £{b:.2f}", "£{c:,.2f}", "Call for price")


@dataclass(frozen=True)
class DemoProduct:
    """One product of the demo shop, as its page shows it (None: the page leaves it out)."""

    number: int
    title: str
    category: str
    price_text: str  # "" when the shop shows no price
    stock: int | None
    rating: int | None
    description: str | None
    upc: str
    special: str | None

    @property
    def slug(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-")

    @property
    def path(self) -> str:
        """The page's path, the way books.toscrape.com names it."""
        folder = "/catalogue/staff-picks/" if self.special == "private" else "/catalogue/"
        return f"{folder}{self.slug}_{self.number}/index.html"


def _schema() -> dict[str, Any]:
    """datagen's products preset, plus a description written in everyday words."""
    from level0 import datagen

    schema = datagen.preset("products")
    columns = schema["columns"]
    categories = list(columns["category"]["values"])
    columns["description"] = {
        "kind": "derived",
        "rule": "text",
        "from": "category",
        "words": [12, 60],
        "vocabulary": dict.fromkeys(categories, "everyday"),
        "missing": 0.05,
    }
    return schema


def build_catalogue(products: int = 60, seed: int = 0) -> list[DemoProduct]:
    """The shop's products, the same for the same ``products`` and ``seed``."""
    # Imported here, not at the top: the crawler imports this package and needs no pandas.
    import numpy as np
    import pandas as pd

    from level0 import datagen

    if products < MIN_PRODUCTS:
        raise ValueError(f"the demo shop needs at least {MIN_PRODUCTS} products, not {products}")
    table = datagen.generate(_schema(), rows=products, seed=seed)
    rng = np.random.default_rng(seed)
    out_of_stock = rng.random(products) < 0.1
    odd_price = rng.random(products) < 0.08
    odd_style = rng.integers(len(_ODD_PRICES), size=products)
    size_pick = rng.integers(1_000, size=products)

    catalogue = []
    for i, row in enumerate(table.itertuples(index=False)):
        number = i + 1
        title = _with_size(str(row.title), int(size_pick[i]))
        price_text = "" if pd.isna(row.price) else _in_shop_currency(str(row.price))
        if price_text and odd_price[i]:
            amount = float(re.sub(r"[^\d]", "", str(row.price))) / 100
            style = _ODD_PRICES[int(odd_style[i])]
            price_text = style.format(a=amount, b=amount * 1.5, c=amount * 100)
        stock = None if pd.isna(row.stock) else int(row.stock)
        if out_of_stock[i] and stock is not None:
            stock = 0
        rating = None if pd.isna(row.rating) else int(np.clip(round(float(row.rating)), 1, 5))
        description = None if pd.isna(row.description) else str(row.description)
        fingerprint = f"{title}|{row.category}|{price_text}|{stock}|{rating}|{description}"
        catalogue.append(
            DemoProduct(
                number=number,
                title=title,
                category=str(row.category),
                price_text=price_text,
                stock=stock,
                rating=rating,
                description=description,
                upc=hashlib.sha256(fingerprint.encode()).hexdigest()[
                    :16
                ],  # a listing twice: one UPC
                special=SPECIAL.get(number),
            )
        )
    return catalogue


def _in_shop_currency(text: str) -> str:
    """datagen writes one amount with a random symbol ("£12.99", "12,99 €"); read it as
    pounds and show it converted: £12.99 becomes 15,28 € and $17.32."""
    cents = int(re.sub(r"[^\d]", "", text))
    if text.startswith("£"):
        return text
    if text.endswith("€"):
        euros = round(cents / SHOP_RATES_TO_GBP["EUR"])
        return f"{euros // 100},{euros % 100:02d} €"
    dollars = round(cents / SHOP_RATES_TO_GBP["USD"])
    return f"${dollars // 100}.{dollars % 100:02d}"


def _with_size(title: str, pick: int) -> str:
    """Add a pack size to titles of products that come in sizes: "Water Bottle 750ml"."""
    for name, sizes in _SIZES.items():
        if title.endswith(name):
            size = sizes[pick % len(sizes)]
            return f"{title} {size}" if size else title
    return title

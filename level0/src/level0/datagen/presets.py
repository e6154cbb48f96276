"""The presets the later levels use, written in the same schema format a learner writes.

Each one mimics the shape of a real dataset (column names, value ranges, missingness,
how one column depends on another) closely enough to write and test code against,
without the real data. Figures in the comments are the real datasets' own.
Everything generated here is synthetic and is labelled so wherever it is shown.
"""

from __future__ import annotations

import copy
from typing import Any

from level0.datagen.schema import SchemaError

__all__ = ["PRESETS", "preset"]

TITANIC: dict[str, Any] = {
    "description": "Kaggle Titanic passengers; Survived depends on Sex and Pclass",
    "columns": {
        "PassengerId": {"kind": "id"},
        "Survived": {
            "kind": "derived",
            "rule": "bernoulli",
            "from": ["Sex", "Pclass"],  # survival rates by sex and class in the real 891 rows
            "p": {"female": {1: 0.97, 2: 0.92, 3: 0.50}, "male": {1: 0.37, 2: 0.16, 3: 0.14}},
        },
        "Pclass": {"kind": "int", "distribution": "choice", "values": {1: 0.24, 2: 0.21, 3: 0.55}},
        "Name": {"kind": "name", "style": "formal", "sex_from": "Sex"},
        "Sex": {"kind": "category", "values": {"male": 0.65, "female": 0.35}},
        "Age": {
            "kind": "float",
            "distribution": "normal",
            "mean": 29.7,
            "std": 14.5,
            "min": 0.42,
            "max": 80,
            "decimals": 0,
            "missing": 0.2,  # 177 of 891 ages are missing
        },
        "SibSp": {
            "kind": "int",
            "distribution": "choice",
            "values": {0: 0.68, 1: 0.235, 2: 0.031, 3: 0.018, 4: 0.02, 5: 0.006, 8: 0.008},
        },
        "Parch": {
            "kind": "int",
            "distribution": "choice",
            "values": {0: 0.76, 1: 0.132, 2: 0.09, 3: 0.006, 4: 0.004, 5: 0.006, 6: 0.001},
        },
        "Ticket": {
            "kind": "code",
            "patterns": {
                "######": 0.55,
                "#####": 0.1,
                "####": 0.05,
                "PC #####": 0.07,
                "CA #####": 0.05,
                "A/5 #####": 0.04,
                "STON/O2. #######": 0.04,
                "SOTON/OQ ######": 0.04,
                "W./C. ####": 0.03,
                "SC/PARIS ####": 0.03,
            },
        },
        "Fare": {
            "kind": "derived",
            "rule": "linear",
            "offsets": {"Pclass": {1: 60.0, 2: 14.5, 3: 8.05}},  # median fare by class
            "relative_noise": 0.7,
            "min": 0,
            "decimals": 4,
            "outliers": {"rate": 0.005, "side": "high"},  # the 512.33 fares
        },
        "Cabin": {
            "kind": "code",
            "patterns": {
                "A##": 0.07,
                "B##": 0.2,
                "B###": 0.05,
                "C##": 0.25,
                "C###": 0.05,
                "D##": 0.15,
                "E##": 0.15,
                "F##": 0.06,
                "G#": 0.02,
            },
            "missing": {"from": "Pclass", "rates": {1: 0.19, 2: 0.91, 3: 0.98}},  # 687 of 891
        },
        "Embarked": {
            "kind": "category",
            "values": {"S": 0.725, "C": 0.189, "Q": 0.086},
            "missing": 0.003,  # 2 of 891
        },
    },
}

HOUSING: dict[str, Any] = {
    "description": "California housing districts (1990 census); house value depends on income",
    "columns": {
        "longitude": {
            "kind": "derived",
            "rule": "linear",  # the coast runs north-west: longitude falls as latitude rises
            "intercept": -88.75,
            "slopes": {"latitude": -0.865},
            "noise": 0.76,
            "min": -124.35,
            "max": -114.31,
            "decimals": 2,
        },
        "latitude": {
            "kind": "float",
            "distribution": "normal",
            "mean": 35.63,
            "std": 2.14,
            "min": 32.54,
            "max": 41.95,
            "decimals": 2,
        },
        "housing_median_age": {
            "kind": "float",
            "distribution": "normal",
            "mean": 28.6,
            "std": 12.6,
            "min": 1,
            "max": 52,  # capped at 52 in the real data too, hence its spike there
            "decimals": 0,
        },
        "total_rooms": {
            "kind": "float",
            "distribution": "lognormal",
            "median": 2127,
            "sigma": 0.7,
            "min": 2,
            "max": 39320,
            "decimals": 0,
        },
        "total_bedrooms": {
            "kind": "derived",
            "rule": "linear",
            "slopes": {"total_rooms": 0.2},
            "relative_noise": 0.12,
            "min": 1,
            "decimals": 0,
            "missing": 0.01,  # 207 of 20,640
        },
        "population": {
            "kind": "derived",
            "rule": "linear",
            "slopes": {"households": 2.85},
            "relative_noise": 0.3,
            "min": 3,
            "decimals": 0,
        },
        "households": {
            "kind": "derived",
            "rule": "linear",
            "slopes": {"total_bedrooms": 0.93},
            "relative_noise": 0.08,
            "min": 1,
            "decimals": 0,
        },
        "median_income": {
            "kind": "float",
            "distribution": "lognormal",
            "median": 3.53,  # tens of thousands of dollars
            "sigma": 0.45,
            "min": 0.4999,
            "max": 15.0001,
            "decimals": 4,
        },
        "median_house_value": {
            "kind": "derived",
            "rule": "linear",
            "intercept": 60000,
            "slopes": {"median_income": 41800},
            "offsets": {
                "ocean_proximity": {
                    "INLAND": -65000,
                    "NEAR BAY": 25000,
                    "NEAR OCEAN": 20000,
                    "ISLAND": 180000,
                }
            },
            "noise": 55000,
            "min": 14999,
            "max": 500001,  # the real values are capped at 500,001
            "decimals": 0,
        },
        "ocean_proximity": {
            "kind": "category",
            "values": {
                "<1H OCEAN": 0.443,
                "INLAND": 0.317,
                "NEAR OCEAN": 0.129,
                "NEAR BAY": 0.111,
                "ISLAND": 0.0002,
            },
        },
    },
}

PRODUCT_NAMES = {
    "Books": [
        "Cookbook",
        "Novel",
        "Atlas",
        "Notebook",
        "Biography",
        "Field Guide",
        "Poetry Collection",
    ],
    "Electronics": [
        "Headphones",
        "Charger",
        "Speaker",
        "Keyboard",
        "Webcam",
        "Power Bank",
        "Mouse",
    ],
    "Home & Kitchen": [
        "Kettle",
        "Frying Pan",
        "Knife Set",
        "Mug Set",
        "Toaster",
        "Lamp",
        "Cushion",
    ],
    "Toys": ["Puzzle", "Building Blocks", "Board Game", "Kite", "Teddy Bear", "Train Set"],
    "Clothing": ["T-Shirt", "Hoodie", "Rain Jacket", "Scarf", "Socks", "Sun Hat"],
    "Sports": ["Yoga Mat", "Football", "Water Bottle", "Dumbbells", "Tennis Racket"],
}

PRODUCTS: dict[str, Any] = {
    "description": "A scraped product list; prices as messy text: £12.99, 12,99 €, $12.99 or blank",
    "duplicate_rows": 0.02,  # the same listing scraped twice
    "columns": {
        "title": {
            "kind": "derived",
            "rule": "pick",
            "from": "category",
            "choices": PRODUCT_NAMES,
            "prefix": "adjectives",
        },
        "category": {
            "kind": "category",
            "values": {
                "Books": 0.25,
                "Electronics": 0.2,
                "Home & Kitchen": 0.2,
                "Toys": 0.15,
                "Clothing": 0.12,
                "Sports": 0.08,
            },
        },
        "base_price": {
            "kind": "derived",
            "rule": "linear",
            "offsets": {
                "category": {
                    "Books": 12,
                    "Electronics": 45,
                    "Home & Kitchen": 25,
                    "Toys": 18,
                    "Clothing": 22,
                    "Sports": 30,
                }
            },
            "relative_noise": 0.5,
            "min": 0.99,
            "decimals": 2,
            "hidden": True,  # only its text form below is in the table
        },
        "price": {
            "kind": "derived",
            "rule": "price_text",
            "from": "base_price",
            "styles": {"gbp": 0.5, "eur": 0.3, "usd": 0.2},
            "missing": 0.05,
        },
        "rating": {
            "kind": "float",
            "distribution": "normal",
            "mean": 4.1,
            "std": 0.6,
            "min": 1,
            "max": 5,
            "decimals": 1,
            "missing": 0.1,  # not rated yet
        },
        "stock": {
            "kind": "int",
            "distribution": "poisson",
            "mean": 25,
            "outliers": {"rate": 0.01, "side": "low"},  # negative counts: a data-entry bug
            "missing": 0.02,
        },
    },
}

EMAILS: dict[str, Any] = {
    "description": "A mailbox; subject and body words depend on the label",
    "columns": {
        "from": {"kind": "email"},
        "to": {"kind": "email"},
        "date": {
            "kind": "datetime",
            "start": "2024-01-01",
            "end": "2024-12-31 23:59:59",
            "sorted": True,
        },
        "subject": {
            "kind": "derived",
            "rule": "text",
            "from": "label",
            "words": [2, 7],
            "vocabulary": {
                "work": "office",
                "personal": "personal",
                "promotions": "promotions",
                "spam": "spam",
            },
        },
        "body": {
            "kind": "derived",
            "rule": "text",
            "from": "label",
            "words": [15, 60],
            "vocabulary": {
                "work": "office",
                "personal": "personal",
                "promotions": "promotions",
                "spam": "spam",
            },
        },
        "thread_id": {
            "kind": "id",
            "prefix": "T",
            "digits": 6,
            "duplicates": 0.4,
        },  # replies share it
        "label": {
            "kind": "category",
            "values": {"work": 0.4, "personal": 0.25, "promotions": 0.2, "spam": 0.15},
        },
    },
}

SENSOR_SERIES: dict[str, Any] = {
    "description": "One room sensor read every minute: slow drifts, gaps in the clock, spikes",
    "columns": {
        "timestamp": {
            "kind": "datetime",
            "start": "2024-03-01 00:00:00",
            "step": "1min",
            "gaps": 0.002,
            "gap_steps": [5, 90],
        },
        "temperature_c": {
            "kind": "float",
            "distribution": "walk",
            "mean": 21.5,
            "std": 1.8,
            "smoothness": 0.995,
            "decimals": 2,
            "outliers": {"rate": 0.003, "scale": 8},
            "missing": 0.01,
        },
        "humidity_pct": {
            "kind": "float",
            "distribution": "walk",
            "mean": 45,
            "std": 6,
            "smoothness": 0.99,
            "min": 0,
            "max": 100,
            "decimals": 1,
            "outliers": {"rate": 0.002, "side": "high"},
            "missing": 0.01,
        },
        "pressure_hpa": {
            "kind": "float",
            "distribution": "walk",
            "mean": 1013,
            "std": 5,
            "smoothness": 0.999,
            "decimals": 1,
            "missing": 0.005,
        },
        "status": {"kind": "category", "values": {"ok": 0.97, "warning": 0.02, "error": 0.01}},
    },
}

SALES_PRODUCTS = {
    "Electronics": {"Laptop": 899.0, "Phone": 599.0, "Headphones": 79.0, "Monitor": 229.0},
    "Home": {"Kettle": 35.0, "Lamp": 45.0, "Blender": 69.0, "Towel Set": 25.0},
    "Office": {"Desk Chair": 149.0, "Notebook": 4.5, "Pen Pack": 6.0, "Stapler": 12.0},
    "Outdoor": {"Tent": 189.0, "Backpack": 65.0, "Water Bottle": 15.0, "Camping Stove": 55.0},
    "Toys": {"Board Game": 29.0, "Puzzle": 18.0, "Kite": 22.0, "Building Blocks": 39.0},
}

SALES: dict[str, Any] = {
    "description": "Shop orders; product picked by category, revenue = units x unit_price",
    "columns": {
        "order_id": {"kind": "id", "prefix": "SO-", "digits": 7},
        "date": {"kind": "date", "start": "2023-01-01", "end": "2024-12-31", "sorted": True},
        "region": {
            "kind": "category",
            "values": {"North": 0.3, "South": 0.25, "East": 0.2, "West": 0.25},
        },
        "channel": {"kind": "category", "values": {"online": 0.55, "store": 0.35, "partner": 0.1}},
        "product": {
            "kind": "derived",
            "rule": "pick",
            "from": "category",
            "choices": {category: list(prices) for category, prices in SALES_PRODUCTS.items()},
        },
        "category": {
            "kind": "category",
            "values": {
                "Electronics": 0.25,
                "Home": 0.25,
                "Office": 0.2,
                "Outdoor": 0.15,
                "Toys": 0.15,
            },
        },
        "units": {"kind": "int", "distribution": "poisson", "mean": 3, "min": 1, "max": 50},
        "unit_price": {
            "kind": "derived",
            "rule": "linear",  # list price by product, give or take discounts
            "offsets": {
                "product": {
                    p: price for prices in SALES_PRODUCTS.values() for p, price in prices.items()
                }
            },
            "relative_noise": 0.05,
            "min": 0.5,
            "decimals": 2,
        },
        "revenue": {
            "kind": "derived",
            "rule": "product",
            "from": ["units", "unit_price"],
            "decimals": 2,
        },
        "customer": {"kind": "name"},
    },
}

_SCHEMAS: dict[str, dict[str, Any]] = {
    "titanic": TITANIC,
    "housing": HOUSING,
    "products": PRODUCTS,
    "emails": EMAILS,
    "sensor_series": SENSOR_SERIES,
    "sales": SALES,
}

#: The preset names, for ``generate(name, rows)`` and ``--preset NAME``.
PRESETS: tuple[str, ...] = tuple(_SCHEMAS)


def preset(name: str) -> dict[str, Any]:
    """A fresh copy of a preset's schema dict, to generate as is or to edit first."""
    if name not in _SCHEMAS:
        raise SchemaError(f"unknown preset {name!r} (choose one of: {', '.join(PRESETS)})")
    return copy.deepcopy(_SCHEMAS[name])

"""Seeded synthetic tables from a declarative schema: titanic, housing, sales and more.

Describe a table as plain data (a dict, or the same thing in JSON or TOML), get a
pandas DataFrame whose every column is drawn with NumPy in one vectorised call per
column. The same seed gives the same bytes; a bad schema is one clear line.

>>> from level0 import datagen
>>> df = datagen.generate("titanic", rows=891, seed=1)
>>> list(df.columns)[:4]
['PassengerId', 'Survived', 'Pclass', 'Name']
>>> schema = {"columns": {"age": {"kind": "int", "distribution": "uniform", "min": 0, "max": 9}}}
>>> datagen.generate(schema, rows=3, seed=0)["age"].between(0, 9).all()
np.True_
>>> datagen.write(df, "titanic.csv")  # doctest: +SKIP

Presets: ``titanic``, ``housing``, ``products``, ``emails``, ``sensor_series``, ``sales``
(``PRESETS`` holds their schemas; ``preset(name)`` returns an editable copy).
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

if TYPE_CHECKING:  # imported on first use, so the CLI starts without pandas
    from level0.datagen.output import write
    from level0.datagen.presets import PRESETS, preset
    from level0.datagen.schema import Column, Schema, SchemaError, load_schema, parse_schema
    from level0.datagen.table import generate

__all__ = [
    "PRESETS",
    "Column",
    "Schema",
    "SchemaError",
    "generate",
    "load_schema",
    "parse_schema",
    "preset",
    "write",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)

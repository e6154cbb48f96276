"""Load a package's public API on first use, so ``python -m package --help`` starts at once.

A mini-project's ``__init__.py`` is its public API: the names a learner imports. If it
imported its modules eagerly, every ``python -m levelN.project --help`` would first load
scikit-learn and pandas (1-2 s). Instead it lists its imports under
``if TYPE_CHECKING:``, where readers and type checkers see them as usual, and hands its
own file to :func:`lazy_exports`, which reads those import statements and performs each
one when the name is first used::

    from typing import TYPE_CHECKING

    from level0.lazy import lazy_exports

    if TYPE_CHECKING:
        from level1.spam.model import classify, train

    __all__ = ["classify", "train"]
    __getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)

``level1.spam.train`` then imports ``level1.spam.model`` at that moment (PEP 562).

One subtlety: when an exported function has the name of its own module
(``compare`` in ``compare.py``), importing that module makes Python set the *module*
as the package's attribute, hiding the function. Eager imports overwrote it right
back; here the package refuses that assignment instead, so ``package.compare`` stays
the function (the module is still ``sys.modules["package.compare"]``).
"""

from __future__ import annotations

import ast
import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

__all__ = ["lazy_exports"]


def _type_checking_imports(source: str, package: str) -> dict[str, tuple[str, str]]:
    """``{exported name: (module, attribute)}`` from the ``if TYPE_CHECKING:`` imports."""
    exports: dict[str, tuple[str, str]] = {}
    for node in ast.parse(source).body:
        if not (isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"):
            continue
        for statement in node.body:
            if not isinstance(statement, ast.ImportFrom) or statement.module is None:
                raise TypeError(f"{package}: only 'from module import name' belongs here")
            module = "." * statement.level + statement.module
            for alias in statement.names:
                exports[alias.asname or alias.name] = (module, alias.name)
    return exports


def lazy_exports(
    package: str, init_file: str, public: list[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The module-level ``__getattr__`` and ``__dir__`` that import ``public`` names on demand.

    Every name in ``public`` must come from an import under ``if TYPE_CHECKING:`` in
    ``init_file``; a name that does not is reported at once, not at first use.
    """
    exports = _type_checking_imports(Path(init_file).read_text(encoding="utf-8"), package)
    missing = sorted(set(public) - set(exports))
    if missing:
        raise ImportError(f"{package}.__all__ names {missing} that no TYPE_CHECKING import gives")

    folder = Path(init_file).parent
    shadowed = frozenset(
        name
        for name in public
        if (folder / f"{name}.py").is_file() or (folder / name / "__init__.py").is_file()
    )
    if shadowed:
        _keep_exports_over_submodules(sys.modules[package], shadowed)

    def __getattr__(name: str) -> Any:
        if name not in exports:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module, attribute = exports[name]
        value = getattr(importlib.import_module(module, package), attribute)
        globals_of_package = importlib.import_module(package).__dict__
        globals_of_package[name] = value  # later lookups skip __getattr__
        return value

    def __dir__() -> list[str]:
        return sorted(set(importlib.import_module(package).__dict__) | set(public))

    return __getattr__, __dir__


def _keep_exports_over_submodules(package: ModuleType, names: frozenset[str]) -> None:
    """Make ``package`` ignore the import system setting a submodule over one of ``names``."""

    class Package(ModuleType):
        def __setattr__(self, name: str, value: object) -> None:
            if name in names and isinstance(value, ModuleType):
                return
            super().__setattr__(name, value)

    package.__class__ = Package

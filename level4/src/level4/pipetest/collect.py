"""Collection: find test files, import them, and turn their functions into test items.

The rules are pytest's defaults: files named ``test_*.py`` (or ``*_test.py``) found by
walking the folder (an explicitly named file is always collected), functions named
``test*``, classes named ``Test*`` without an ``__init__`` holding ``test*`` methods, and
one item per ``parametrize`` case. ``conftest.py`` files between the root folder and a
test file give it their fixtures. A file that cannot be imported is a collection error.
"""

from __future__ import annotations

import importlib.util
import inspect
import itertools
import sys
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from level4.pipetest.markers import Mark, Param, _as_mark, marks_of

__all__ = [
    "CollectError",
    "Collection",
    "Item",
    "collect",
    "make_id",
]

SKIP_DIRS = {"__pycache__", "node_modules", "venv", ".venv", "build", "dist"}
MODULE_PREFIX = "_pipetest_tests"


@dataclass
class Item:
    """One test to run: ``function`` called with fixtures and the case's ``params``."""

    nodeid: str
    name: str
    module: ModuleType
    path: Path
    function: Callable[..., Any]
    cls: type | None = None
    params: dict[str, Any] = field(default_factory=dict)
    marks: list[Mark] = field(default_factory=list)  # closest first: case, function, class, module
    keywords: list[str] = field(default_factory=list)

    @property
    def classname(self) -> str:
        """The JUnit ``classname``: the module's dotted path, plus the class name."""
        dotted = self.nodeid.split("::")[0].removesuffix(".py").replace("/", ".")
        return f"{dotted}.{self.cls.__name__}" if self.cls else dotted

    @property
    def argnames(self) -> list[str]:
        """The function's parameters, without ``self``."""
        names = list(inspect.signature(self.function).parameters)
        return names[1:] if self.cls is not None else names


@dataclass
class CollectError:
    """A file that could not be collected, and the traceback that says why."""

    nodeid: str
    path: Path
    text: str


@dataclass
class Collection:
    """Everything found under the given paths, in run order."""

    root: Path
    items: list[Item]
    errors: list[CollectError]
    conftests: dict[Path, ModuleType]


def is_test_file(path: Path) -> bool:
    return path.suffix == ".py" and (path.name.startswith("test_") or path.stem.endswith("_test"))


def find_files(path: Path) -> list[Path]:
    """Test files under ``path`` in sorted order; a file given by name is taken as it is."""
    if path.is_file():
        return [path]
    found = []
    for child in sorted(path.iterdir()):
        if child.is_dir() and child.name not in SKIP_DIRS and not child.name.startswith("."):
            found += find_files(child)
        elif child.is_file() and is_test_file(child):
            found.append(child)
    return found


def import_file(path: Path, root: Path) -> ModuleType:
    """Import ``path`` under a private dotted name; its folder goes on ``sys.path`` like pytest's
    default import mode, so a test file can import a helper module next to it."""
    relative = path.resolve().relative_to(root).with_suffix("")
    name = ".".join((MODULE_PREFIX, *relative.parts)).replace("-", "_")
    if name in sys.modules:
        return sys.modules[name]
    folder = str(path.parent.resolve())
    if folder not in sys.path:
        sys.path.insert(0, folder)
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    dont_write = sys.dont_write_bytecode
    sys.dont_write_bytecode = True  # leave no __pycache__ in the tested folder
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    finally:
        sys.dont_write_bytecode = dont_write
    return module


def forget_modules() -> None:
    """Drop every module pipetest imported, so the next run imports them afresh."""
    for name in [n for n in sys.modules if n == MODULE_PREFIX or n.startswith(MODULE_PREFIX + ".")]:
        del sys.modules[name]


def conftest_chain(path: Path, root: Path) -> list[Path]:
    """The ``conftest.py`` files from ``root`` down to ``path``'s folder, outermost first."""
    folders = [path.parent, *path.parent.parents]
    chain = [f / "conftest.py" for f in folders if f == root or root in f.parents]
    return [c for c in reversed(chain) if c.is_file()]


def make_id(value: Any, argname: str, index: int) -> str:
    """pytest's id for one parameter value: simple values as text, anything else ``argname+index``."""
    if isinstance(value, str):
        return value.encode("unicode_escape").decode("ascii")
    if value is None or isinstance(value, bool | int | float | complex):
        return str(value)
    if isinstance(value, type) or inspect.isfunction(value):
        return str(value.__name__)
    return f"{argname}{index}"


@dataclass(frozen=True)
class Case:
    """One row of one ``parametrize`` mark."""

    params: dict[str, Any]
    id: str
    marks: tuple[Mark, ...]


def expand_parametrize(found: Mark) -> list[Case]:
    """The cases of ``parametrize("a, b", [(1, 2), ...], ids=[...])``."""
    argnames, argvalues = found.args[0], list(found.args[1])
    names = (
        [n.strip() for n in argnames.split(",")] if isinstance(argnames, str) else list(argnames)
    )
    names = [n for n in names if n]
    ids = found.kwargs.get("ids")
    cases = []
    for index, row in enumerate(argvalues):
        marks: tuple[Mark, ...] = ()
        explicit: str | None = None
        if isinstance(row, Param) or type(row).__name__ == "ParameterSet":
            marks = tuple(_as_mark(m) for m in row.marks)
            explicit = row.id
            values = tuple(row.values)
        else:
            values = (row,) if len(names) == 1 else tuple(row)
        if len(values) != len(names):
            raise ValueError(
                f"parametrize({argnames!r}): case {index} has {len(values)} values "
                f"for {len(names)} names"
            )
        if explicit is None and ids is not None:
            given = ids(values[0]) if callable(ids) else list(ids)[index]
            explicit = None if given is None else str(given)
        case_id = explicit or "-".join(
            make_id(v, n, index) for v, n in zip(values, names, strict=True)
        )
        cases.append(Case(dict(zip(names, values, strict=True)), case_id, marks))
    return cases


def unique_ids(ids: list[str]) -> list[str]:
    """Number repeated ids like pytest: ``a`` twice becomes ``a0`` and ``a1``."""
    repeated = {i for i in ids if ids.count(i) > 1}
    counters: dict[str, int] = {}
    result = []
    for i in ids:
        if i in repeated:
            n = counters.get(i, 0)
            counters[i] = n + 1
            result.append(f"{i}{'_' if i[-1:].isdigit() else ''}{n}")
        else:
            result.append(i)
    return result


def items_for(
    function: Callable[..., Any],
    name: str,
    base: str,
    module: ModuleType,
    path: Path,
    cls: type | None,
    outer_marks: list[Mark],
    keywords: list[str],
) -> Iterator[Item]:
    """One item per parametrize case of ``function`` (one item if it has none)."""
    own = marks_of(function)  # innermost decorator first, as applied
    grids = [expand_parametrize(m) for m in own if m.name == "parametrize"]
    plain = [m for m in own if m.name != "parametrize"]
    if not grids:
        yield Item(
            f"{base}::{name}",
            name,
            module,
            path,
            function,
            cls,
            {},
            [*plain, *outer_marks],
            [*keywords, name, *(m.name for m in [*plain, *outer_marks])],
        )
        return
    combos = list(itertools.product(*grids))
    ids = unique_ids(["-".join(c.id for c in combo) for combo in combos])
    for combo, case_id in zip(combos, ids, strict=True):
        params: dict[str, Any] = {}
        case_marks: list[Mark] = []
        for case in combo:
            params.update(case.params)
            case_marks += case.marks
        marks = [*case_marks, *plain, *outer_marks]
        full = f"{name}[{case_id}]"
        yield Item(
            f"{base}::{full}",
            full,
            module,
            path,
            function,
            cls,
            params,
            marks,
            [*keywords, full, *(m.name for m in marks)],
        )


def module_items(module: ModuleType, path: Path, nodeid: str, keywords: list[str]) -> list[Item]:
    """The test items a module defines, in source order."""
    module_marks = marks_of(module.__dict__)
    found: list[Item] = []
    for attribute, obj in list(vars(module).items()):
        if inspect.isfunction(obj) and attribute.startswith("test"):
            found += items_for(obj, attribute, nodeid, module, path, None, module_marks, keywords)
        elif inspect.isclass(obj) and attribute.startswith("Test") and "__init__" not in vars(obj):
            class_marks = [m for klass in obj.__mro__ for m in marks_of(klass)]
            outer = [*class_marks, *module_marks]
            for method_name, method in vars(obj).items():
                if inspect.isfunction(method) and method_name.startswith("test"):
                    found += items_for(
                        method,
                        method_name,
                        f"{nodeid}::{attribute}",
                        module,
                        path,
                        obj,
                        outer,
                        [*keywords, attribute],
                    )
    return found


def collect(paths: list[Path], root: Path) -> Collection:
    """Import every test file under ``paths`` (and its conftests) and list its items."""
    root = root.resolve()
    items: list[Item] = []
    errors: list[CollectError] = []
    conftests: dict[Path, ModuleType] = {}
    for start in paths:
        for path in find_files(start.resolve()):
            nodeid = path.relative_to(root).as_posix()
            keywords = [root.name, *path.relative_to(root).parts]
            try:
                for conftest in conftest_chain(path, root):
                    if conftest not in conftests:
                        conftests[conftest] = import_file(conftest, root)
                module = import_file(path, root)
                items += module_items(module, path, nodeid, keywords)
            except KeyboardInterrupt:
                raise
            except BaseException as exc:  # an import error, a syntax error, a bad parametrize
                text = "".join(traceback.format_exception(exc)).rstrip()
                errors.append(CollectError(nodeid, path, text))
    return Collection(root, items, errors, conftests)

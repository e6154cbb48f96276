"""Fixtures: found by argument name, created once per scope, torn down after ``yield``.

A test asks for ``connection`` by naming a parameter ``connection``. The manager finds the
fixture of that name (the test's module first, then the ``conftest.py`` files from the
nearest folder outwards, then the built-ins ``tmp_path`` and ``record_property``), sets up
what it asks for first, and caches the value for its scope: a ``function`` fixture is made
for every test, a ``module`` fixture once per file, a ``session`` fixture once per run.
A generator fixture's code after ``yield`` is its teardown; teardowns run in reverse
order of setup when their scope ends.
"""

from __future__ import annotations

import inspect
import shutil
import tempfile
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from level4.pipetest.collect import Item
from level4.pipetest.markers import SCOPES, FixtureSpec, fixture_spec

__all__ = ["FixtureError", "FixtureManager"]

RANK = {scope: rank for rank, scope in enumerate(SCOPES)}  # function < module < session


class FixtureError(Exception):
    """A fixture that does not exist, or that asks for a fixture of a narrower scope."""


@dataclass
class _Cached:
    value: Any = None
    error: BaseException | None = None


@dataclass
class _Scope:
    """The fixtures alive in one scope instance and their pending teardowns (LIFO)."""

    key: object
    values: dict[str, _Cached] = field(default_factory=dict)
    finalizers: list[tuple[str, Callable[[], None]]] = field(default_factory=list)


def fixtures_in(module: ModuleType) -> dict[str, FixtureSpec]:
    """The fixtures a module (a test file or a conftest) defines, by name."""
    found = {}
    for attribute, obj in vars(module).items():
        spec = fixture_spec(obj, attribute)
        if spec is not None:
            found[spec.name] = spec
    return found


class FixtureManager:
    """Sets up the fixtures each item needs and tears them down when their scope ends."""

    def __init__(self, conftests: dict[Path, ModuleType]) -> None:
        self.conftests = {path: fixtures_in(module) for path, module in conftests.items()}
        self.scopes: dict[str, _Scope | None] = dict.fromkeys(SCOPES)
        self.tmp_root: Path | None = None
        self.properties: list[tuple[str, object]] = []

    # --- lookup ----------------------------------------------------------------------

    def visible(self, item: Item) -> dict[str, FixtureSpec]:
        """Every fixture ``item`` can see; nearer definitions win."""
        found = dict(self.builtins())
        for conftest, specs in sorted(self.conftests.items(), key=lambda kv: len(kv[0].parts)):
            if conftest.parent == item.path.parent or conftest.parent in item.path.parents:
                found.update(specs)
        found.update(fixtures_in(item.module))
        return found

    def builtins(self) -> dict[str, FixtureSpec]:
        return {
            "tmp_path": FixtureSpec(self._tmp_path, "tmp_path"),
            "record_property": FixtureSpec(self._record_property, "record_property"),
        }

    def _tmp_path(self) -> Generator[Path, None, None]:
        if self.tmp_root is None:
            self.tmp_root = Path(tempfile.mkdtemp(prefix="pipetest-"))
        yield Path(tempfile.mkdtemp(dir=self.tmp_root))

    def _record_property(self) -> Callable[[str, object], None]:
        def record(name: str, value: object) -> None:
            self.properties.append((name, value))

        return record

    # --- setup ------------------------------------------------------------------------

    def enter(self, item: Item) -> None:
        """Start the item's function scope (and the module and session scopes if none is open)."""
        if self.scopes["session"] is None:
            self.scopes["session"] = _Scope("session")
        if self.scopes["module"] is None:
            self.scopes["module"] = _Scope(item.path)
        self.scopes["function"] = _Scope(item.nodeid)
        self.properties = []

    def arguments(self, item: Item) -> dict[str, Any]:
        """The keyword arguments to call ``item`` with: its parameters and its fixtures."""
        specs = self.visible(item)
        wanted = [n for n, s in specs.items() if s.autouse]
        wanted += [n for n in item.argnames if n not in wanted]
        values = {}
        for name in wanted:
            values[name] = (
                item.params[name] if name in item.params else self.get(name, specs, None, [])
            )
        return {name: values[name] for name in item.argnames}

    def get(
        self,
        name: str,
        specs: dict[str, FixtureSpec],
        asked_by: FixtureSpec | None,
        chain: list[str],
    ) -> Any:
        if name not in specs:
            available = ", ".join(sorted(specs))
            where = f"fixture {asked_by.name!r}" if asked_by else "the test"
            raise FixtureError(
                f"fixture {name!r} not found (asked for by {where}); available: {available}"
            )
        spec = specs[name]
        if name in chain:
            raise FixtureError(
                f"fixtures depend on each other in a loop: {' -> '.join([*chain, name])}"
            )
        if asked_by is not None and RANK[spec.scope] < RANK[asked_by.scope]:
            raise FixtureError(
                f"ScopeMismatch: the {asked_by.scope}-scoped fixture {asked_by.name!r} asks for "
                f"the {spec.scope}-scoped fixture {name!r}"
            )
        scope = self.scopes[spec.scope]
        assert scope is not None, "enter() starts every scope before fixtures are set up"
        cached = scope.values.get(name)
        if cached is None:
            cached = scope.values[name] = _Cached()
            try:
                cached.value = self._create(spec, specs, scope, [*chain, name])
            except BaseException as exc:
                cached.error = exc
                raise
        if cached.error is not None:
            raise cached.error
        return cached.value

    def _create(
        self, spec: FixtureSpec, specs: dict[str, FixtureSpec], scope: _Scope, chain: list[str]
    ) -> Any:
        kwargs = {
            arg: self.get(arg, specs, spec, chain)
            for arg in inspect.signature(spec.function).parameters
        }
        result = spec.function(**kwargs)
        if not inspect.isgenerator(result):
            return result
        value = next(result)

        def teardown() -> None:
            try:
                next(result)
            except StopIteration:
                return
            raise FixtureError(f"fixture {spec.name!r} yielded more than once")

        scope.finalizers.append((spec.name, teardown))
        return value

    # --- teardown ----------------------------------------------------------------------

    def leave(self, item: Item, following: Item | None) -> list[BaseException]:
        """Tear down after ``item``: its function fixtures, its module's fixtures if the next
        test is in another file, and everything if it was the last test (like pytest, errors
        count against ``item``)."""
        errors = self.finish("function")
        if following is None or following.path != item.path:
            errors += self.finish("module")
        if following is None:
            errors += self.finish("session")
        return errors

    def finish(self, scope_name: str) -> list[BaseException]:
        """Run the teardowns of ``scope_name`` (latest first); return the errors they raised."""
        scope = self.scopes[scope_name]
        self.scopes[scope_name] = None
        errors: list[BaseException] = []
        if scope is None:
            return errors
        for _, finalizer in reversed(scope.finalizers):
            try:
                finalizer()
            except KeyboardInterrupt:
                raise
            except BaseException as exc:
                errors.append(exc)
        return errors

    def close(self) -> list[BaseException]:
        """End the run: tear down module and session fixtures, remove temporary folders."""
        errors = self.finish("function") + self.finish("module") + self.finish("session")
        if self.tmp_root is not None:
            shutil.rmtree(self.tmp_root, ignore_errors=True)
        return errors

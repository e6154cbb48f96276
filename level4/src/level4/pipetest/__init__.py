"""pipetest: a small pytest-like test runner, with data contracts and behavioural checks for models.

Read in this order: :mod:`.markers` (what a test file writes), :mod:`.collect` (finding
tests), :mod:`.fixtures` (injection by argument name, scopes, teardown), :mod:`.runner`
(phases and outcomes), :mod:`.assertion` (explaining a failed ``assert``), :mod:`.keywords`
(``-k``), :mod:`.junit` (the XML report); then the ML checks: :mod:`.contracts` (data
contracts) and :mod:`.behaviour` (CheckList-style tests of a text classifier).

>>> from level4.pipetest import fixture, mark
>>> @fixture(scope="module")
... def numbers():
...     yield [1, 2, 3]
>>> @mark.parametrize("n", [1, 2])
... def test_in(numbers, n):
...     assert n in numbers
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

if TYPE_CHECKING:  # loaded on first use, so the CLI starts at once
    from level4.pipetest.behaviour import (
        CheckResult,
        Directional,
        Invariance,
        MinimumFunctionality,
        TextModel,
        add_typo,
        change_punctuation,
        run_check,
        swap_names,
    )
    from level4.pipetest.contracts import (
        Contract,
        ContractViolation,
        expect_class_balance,
        expect_columns,
        expect_dtypes,
        expect_null_rate,
        expect_range,
        expect_unique,
        expect_values_in,
    )
    from level4.pipetest.junit import read_junit, write_junit
    from level4.pipetest.markers import fail, fixture, mark, param, raises, skip, xfail
    from level4.pipetest.runner import ExitCode, Report, SessionResult, run_tests

__all__ = [
    "CheckResult",
    "Contract",
    "ContractViolation",
    "Directional",
    "ExitCode",
    "Invariance",
    "MinimumFunctionality",
    "Report",
    "SessionResult",
    "TextModel",
    "add_typo",
    "change_punctuation",
    "expect_class_balance",
    "expect_columns",
    "expect_dtypes",
    "expect_null_rate",
    "expect_range",
    "expect_unique",
    "expect_values_in",
    "fail",
    "fixture",
    "mark",
    "param",
    "raises",
    "read_junit",
    "run_check",
    "run_tests",
    "skip",
    "swap_names",
    "write_junit",
    "xfail",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)

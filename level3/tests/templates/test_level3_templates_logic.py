"""The miniKanren-style engine: unification, goals, fairness, relations run in several directions."""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from level3.templates import logic as lg
from level3.templates.relations import cons, uncons


def test_unify_fills_holes_both_ways_and_through_tuples():
    x, y = lg.Var("x"), lg.Var("y")
    s = lg.unify((x, 2, ("a", y)), (1, y, ("a", 2)), {})
    assert s is not None
    assert lg.reify((x, y), s) == (1, 2)


@pytest.mark.parametrize(
    ("a", "b"),
    [(1, 2), ("a", ("a",)), ((1, 2), (1, 2, 3)), (True, 1), (0, False), (1, 1.0)],
)
def test_unify_fails_on_different_atoms_shapes_and_types(a, b):
    assert lg.unify(a, b, {}) is None


def test_a_variable_bound_twice_must_agree():
    x = lg.Var()
    assert lg.run(lambda q: lg.conj(lg.eq(q, x), lg.eq(x, 1), lg.eq(q, 1))) == [(1,)]
    assert lg.run(lambda q: lg.conj(lg.eq(q, x), lg.eq(x, 1), lg.eq(q, 2))) == []


def test_disj_gives_every_alternative_and_conj_their_combinations():
    def digit(d):
        return lg.one_of(d, (0, 1, 2))

    answers = lg.run(lambda a, b: lg.conj(digit(a), digit(b)))
    assert sorted(answers) == [(a, b) for a in range(3) for b in range(3)]
    assert lg.run(lambda q: lg.disj(lg.eq(q, "a"), lg.fail, lg.eq(q, "b"))) == [("a",), ("b",)]


@lg.relation
def naturals(n, start=0):
    """An infinite relation: n is start, start+1, ..."""
    return lg.disj(lg.eq(n, start), naturals(n, start + 1))


def test_relation_is_lazy_and_disj_is_fair_even_with_an_infinite_branch():
    # A depth-first search would never leave `naturals`; interleaving reaches "done".
    answers = lg.run(lambda q: lg.disj(naturals(q), lg.eq(q, "done")), limit=4)
    assert "done" in [a for (a,) in answers]
    assert lg.run(lambda q: naturals(q), limit=5) == [(0,), (1,), (2,), (3,), (4,)]


def test_conj_is_fair_across_the_answers_of_its_first_goal():
    pairs = lg.run(lambda a, b: lg.conj(naturals(a), naturals(b)), limit=20)
    assert {a for a, _ in pairs} >= {0, 1, 2}
    assert {b for _, b in pairs} >= {0, 1, 2}


@lg.relation
def appendo(front, back, whole):
    """The classic: ``whole`` is ``front`` followed by ``back`` (cons lists)."""
    return lg.conde(
        [lg.eq(front, ()), lg.eq(back, whole)],
        [
            lg.fresh(
                lambda head, rest, joined: lg.conj(
                    lg.eq(front, (head, rest)),
                    lg.eq(whole, (head, joined)),
                    appendo(rest, back, joined),
                )
            )
        ],
    )


def test_appendo_runs_forwards_and_backwards():
    assert lg.run(lambda w: appendo(cons("ab"), cons("c"), w)) == [(cons("abc"),)]
    splits = lg.run(lambda f, b: appendo(f, b, cons("abc")))
    assert sorted(("".join(uncons(f)), "".join(uncons(b))) for f, b in splits) == [
        ("", "abc"),
        ("a", "bc"),
        ("ab", "c"),
        ("abc", ""),
    ]


@settings(max_examples=50)
@given(st.lists(st.integers(-3, 3), max_size=6), st.lists(st.integers(-3, 3), max_size=6))
def test_appendo_agrees_with_list_concatenation(front, back):
    (whole,) = lg.run(lambda w: appendo(cons(front), cons(back), w))[0]
    assert uncons(whole) == front + back
    assert len(lg.run(lambda f, b: appendo(f, b, cons(front + back)))) == len(front + back) + 1


def test_is_computes_from_known_inputs_and_refuses_unknown_ones():
    def add(a, b):
        return a + b

    assert lg.run(lambda q: lg.is_(q, add, 2, 3)) == [(5,)]
    assert lg.run(lambda: lg.is_(5, add, 2, 3)) == [()]  # checks a known answer
    assert lg.run(lambda: lg.is_(6, add, 2, 3)) == []
    with pytest.raises(lg.InstantiationError, match="needs a known value"):
        lg.run(lambda q, x: lg.is_(q, str.upper, x))


def test_is_fails_quietly_on_no_solution():
    def positive_root(n):
        if n < 0:
            raise lg.NoSolution
        return int(n**0.5)

    assert lg.run(lambda q: lg.is_(q, positive_root, 9)) == [(3,)]
    assert lg.run(lambda q: lg.is_(q, positive_root, -9)) == []


def test_unbound_query_variables_come_back_as_variables():
    ((value,),) = lg.run(lambda q: lg.succeed)
    assert isinstance(value, lg.Var)


def test_solve_is_lazy_and_run_is_deterministic():
    first = lg.run(lambda q: naturals(q), limit=3)
    assert first == lg.run(lambda q: naturals(q), limit=3)
    stream = lg.solve(lambda q: naturals(q))
    assert list(itertools.islice(stream, 2)) == [(0,), (1,)]

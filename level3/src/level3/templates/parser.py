"""The parser: tokens -> a tuple of statement nodes (recursive descent).

Statements nest (``if`` and ``for`` bodies hold more statements), so :meth:`Parser.body`
reads nodes until it meets one of the tags that may close the current block, and the
block's own method decides what comes next. Expressions are parsed by one method per
precedence level, lowest first::

    or  ->  and  ->  not  ->  comparison  ->  filter / is-test  ->  .attr / [key]  ->  atom

so ``not a == b | upper`` means ``not (a == (b | upper))``, as in Jinja2.

Nesting is capped at :data:`MAX_NESTING` levels (blocks, parentheses and operator chains
together), so a hostile template gets a TemplateSyntaxError instead of a RecursionError.
"""

from __future__ import annotations

from collections.abc import Mapping

from level3.templates import nodes as n
from level3.templates.errors import TemplateSyntaxError
from level3.templates.filters import FILTERS, FilterSpec
from level3.templates.lexer import Token, tokenize

__all__ = ["MAX_NESTING", "Parser", "parse"]

MAX_NESTING = 50
_COMPARISONS = ("==", "!=", "<", "<=", ">", ">=")
_CONSTANTS: dict[str, bool | None] = {
    "true": True,
    "True": True,
    "false": False,
    "False": False,
    "none": None,
    "None": None,
}
_TESTS = ("defined", "undefined")


class Parser:
    """Recursive-descent parser over the token list of one template."""

    def __init__(self, tokens: list[Token], filters: Mapping[str, FilterSpec] = FILTERS) -> None:
        self.tokens = tokens
        self.pos = 0
        self.filters = filters
        self.level = 0
        self.open_blocks: list[tuple[str, Token]] = []  # (tag name, its '{%') being read

    # --- token helpers --------------------------------------------------------------

    @property
    def current(self) -> Token:
        return self.tokens[self.pos]

    def advance(self) -> Token:
        token = self.tokens[self.pos]
        if token.kind != "eof":
            self.pos += 1
        return token

    def error(self, message: str, token: Token | None = None) -> TemplateSyntaxError:
        token = token or self.current
        return TemplateSyntaxError(message, token.lineno, token.col)

    def at(self, kind: str, value: object = None) -> bool:
        token = self.current
        return token.kind == kind and (value is None or token.value == value)

    def next_is_name(self, value: str) -> bool:
        """True when the token after the current one is the name ``value``."""
        following = self.tokens[min(self.pos + 1, len(self.tokens) - 1)]
        return following.kind == "name" and following.value == value

    def expect(self, kind: str, value: object = None, what: str = "") -> Token:
        if not self.at(kind, value):
            raise self.error(f"expected {what or value or kind}, found {describe(self.current)}")
        return self.advance()

    def deeper(self, token: Token) -> None:
        """One more level of nesting; refuse templates nested beyond MAX_NESTING."""
        self.level += 1
        if self.level > MAX_NESTING:
            raise self.error(f"nested more than {MAX_NESTING} levels deep", token)

    # --- statements -----------------------------------------------------------------

    def parse(self) -> tuple[n.Node, ...]:
        nodes, _ = self.body(())
        return nodes

    def body(self, closers: tuple[str, ...]) -> tuple[tuple[n.Node, ...], Token]:
        """Statements up to a block tag named in ``closers``; returns them and that tag's name token."""
        nodes: list[n.Node] = []
        while True:
            token = self.advance()
            if token.kind == "text":
                nodes.append(n.Text(str(token.value), lineno=token.lineno, col=token.col))
            elif token.kind == "var_begin":
                expr = self.expression()
                self.expect("var_end", what="'}}'")
                nodes.append(n.Output(expr, lineno=token.lineno, col=token.col))
            elif token.kind == "block_begin":
                name = self.expect("name", what="a tag name such as 'if' or 'for'")
                if name.value in closers:
                    return tuple(nodes), name
                nodes.append(self.statement(token, name))
            elif self.open_blocks:  # the end of the template inside a block
                tag, opener = self.open_blocks[-1]
                raise self.error(
                    f"unclosed '{tag}' block: expected '{closers[-1]}' "
                    "before the end of the template",
                    opener,
                )
            else:
                return tuple(nodes), token

    def statement(self, begin: Token, name: Token) -> n.Node:
        if name.value in ("if", "for"):
            start = self.level
            self.deeper(begin)
            self.open_blocks.append((str(name.value), begin))
            try:
                return self.if_statement(begin) if name.value == "if" else self.for_statement(begin)
            finally:
                self.level = start
                self.open_blocks.pop()
        if name.value in ("elif", "else", "endif", "endfor"):
            where = "outside any block"
            if self.open_blocks:
                tag, opener = self.open_blocks[-1]
                where = f"inside the '{tag}' block opened at line {opener.lineno}"
            raise self.error(f"unexpected '{name.value}' {where}", name)
        raise self.error(f"unknown tag {name.value!r}", name)

    def if_statement(self, begin: Token) -> n.If:
        branches = []
        keyword = "if"
        while keyword in ("if", "elif"):
            test = self.expression()
            self.expect("block_end", what="'%}'")
            nodes, closer = self.body(("elif", "else", "endif"))
            branches.append((test, nodes))
            keyword = str(closer.value)
        else_body: tuple[n.Node, ...] = ()
        if keyword == "else":
            self.expect("block_end", what="'%}'")
            else_body, _ = self.body(("endif",))
        self.expect("block_end", what="'%}'")
        return n.If(tuple(branches), else_body, lineno=begin.lineno, col=begin.col)

    def for_statement(self, begin: Token) -> n.For:
        target = self.expect("name", what="a loop variable name")
        if target.value == "loop" or target.value in _KEYWORDS or target.value in _CONSTANTS:
            raise self.error(f"{target.value!r} cannot be a loop variable", target)
        self.expect("name", "in", what="'in'")
        iterable = self.expression()
        self.expect("block_end", what="'%}'")
        body, closer = self.body(("else", "endfor"))
        else_body: tuple[n.Node, ...] = ()
        if closer.value == "else":
            self.expect("block_end", what="'%}'")
            else_body, _ = self.body(("endfor",))
        self.expect("block_end", what="'%}'")
        return n.For(
            str(target.value), iterable, body, else_body, lineno=begin.lineno, col=begin.col
        )

    # --- expressions ------------------------------------------------------------------

    def expression(self) -> n.Expr:
        start = self.level
        try:
            return self.or_expr()
        finally:
            self.level = start

    def or_expr(self) -> n.Expr:
        left = self.and_expr()
        while self.at("name", "or"):
            token = self.advance()
            self.deeper(token)
            left = n.Or(left, self.and_expr(), lineno=token.lineno, col=token.col)
        return left

    def and_expr(self) -> n.Expr:
        left = self.not_expr()
        while self.at("name", "and"):
            token = self.advance()
            self.deeper(token)
            left = n.And(left, self.not_expr(), lineno=token.lineno, col=token.col)
        return left

    def not_expr(self) -> n.Expr:
        if self.at("name", "not"):
            token = self.advance()
            self.deeper(token)
            return n.Not(self.not_expr(), lineno=token.lineno, col=token.col)
        return self.comparison()

    def comparison(self) -> n.Expr:
        first = self.current
        left = self.filtered()
        ops: list[tuple[str, n.Expr]] = []
        while True:
            token = self.current
            if (token.kind == "op" and token.value in _COMPARISONS) or self.at("name", "in"):
                op = str(self.advance().value)
            elif self.at("name", "not") and self.next_is_name("in"):
                self.advance()
                self.advance()
                op = "not in"
            else:
                break
            self.deeper(token)
            ops.append((op, self.filtered()))
        if not ops:
            return left
        return n.Compare(left, tuple(ops), lineno=first.lineno, col=first.col)

    def filtered(self) -> n.Expr:
        value = self.postfix()
        while True:
            if self.at("op", "|"):
                bar = self.advance()
                self.deeper(bar)
                value = self.filter_call(value, bar)
            elif self.at("name", "is"):
                token = self.advance()
                self.deeper(token)
                negated = self.at("name", "not")
                if negated:
                    self.advance()
                test = self.expect("name", what="a test name ('defined' or 'undefined')")
                if test.value not in _TESTS:
                    raise self.error(f"unknown test {test.value!r}", test)
                value = n.Test(value, str(test.value), negated, lineno=token.lineno, col=token.col)
            else:
                return value

    def filter_call(self, value: n.Expr, bar: Token) -> n.Filter:
        name = self.expect("name", what="a filter name after '|'")
        spec = self.filters.get(str(name.value))
        if spec is None:
            raise self.error(f"unknown filter {name.value!r}", name)
        args: list[n.Expr] = []
        if self.at("op", "("):
            self.advance()
            while not self.at("op", ")"):
                args.append(self.expression())
                if not self.at("op", ")"):
                    self.expect("op", ",", what="',' or ')'")
            self.advance()
        if not spec.min_args <= len(args) <= spec.max_args:
            wanted = _arity(spec)
            raise self.error(f"filter {name.value!r} takes {wanted}, got {len(args)}", name)
        return n.Filter(value, str(name.value), tuple(args), lineno=bar.lineno, col=bar.col)

    def postfix(self) -> n.Expr:
        value = self.atom()
        while True:
            token = self.current
            if self.at("op", "."):
                self.advance()
                self.deeper(token)
                attr = self.expect("name", what="an attribute name after '.'")
                value = n.GetAttr(value, str(attr.value), lineno=token.lineno, col=token.col)
            elif self.at("op", "["):
                self.advance()
                self.deeper(token)
                key = self.expression()
                self.expect("op", "]", what="']'")
                value = n.GetItem(value, key, lineno=token.lineno, col=token.col)
            else:
                return value

    def atom(self) -> n.Expr:
        token = self.current
        if token.kind == "name" and token.value not in _KEYWORDS:
            self.advance()
            if token.value in _CONSTANTS:
                return n.Const(_CONSTANTS[str(token.value)], lineno=token.lineno, col=token.col)
            return n.Name(str(token.value), lineno=token.lineno, col=token.col)
        if token.kind in ("string", "number"):
            self.advance()
            return n.Const(token.value, lineno=token.lineno, col=token.col)
        if self.at("op", "("):
            self.advance()
            self.deeper(token)
            inner = self.expression()
            self.expect("op", ")", what="')'")
            return inner
        raise self.error(f"expected a value, found {describe(token)}")


_KEYWORDS = frozenset(
    {"and", "or", "not", "in", "is", "if", "elif", "else", "endif", "for", "endfor"}
)


def describe(token: Token) -> str:
    """A token as a person would name it in an error message."""
    if token.kind == "eof":
        return "the end of the template"
    if token.kind == "string":
        return f"string {token.value!r}"
    return f"{token.value!r}"


def _arity(spec: FilterSpec) -> str:
    if spec.min_args == spec.max_args:
        return f"{spec.max_args} argument{'s' * (spec.max_args != 1)}"
    return f"{spec.min_args} to {spec.max_args} arguments"


def parse(source: str, filters: Mapping[str, FilterSpec] = FILTERS) -> tuple[n.Node, ...]:
    """The statement nodes of ``source``; raises TemplateSyntaxError with line and column."""
    return Parser(tokenize(source), filters).parse()

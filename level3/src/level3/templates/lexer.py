"""The tokenizer: template source -> a flat list of tokens, each with its line and column.

Outside tags the source is plain text. ``{{`` opens an expression, ``{%`` a statement
and ``{#`` a comment. Inside a tag the lexer reads expression tokens (names, numbers,
strings, operators) until the closing ``}}`` or ``%}``, so a ``"}}"`` inside a string
literal does not end the tag. Comments are dropped here.

Whitespace control is handled here too, because it only ever changes text: a ``-``
just inside a tag's delimiter (``{{-``, ``{%-``, ``{#-`` and ``-}}``, ``-%}``, ``-#}``)
strips all whitespace, newlines included, from the text on that side of the tag.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Literal

from level3.templates.errors import TemplateSyntaxError

__all__ = ["MAX_NUMBER_DIGITS", "Token", "TokenKind", "tokenize"]

TokenKind = Literal[
    "text",
    "var_begin",
    "var_end",
    "block_begin",
    "block_end",
    "name",
    "string",
    "number",
    "op",
    "eof",
]


@dataclass(frozen=True)
class Token:
    """One token: its kind, its value (text, name, operator, parsed literal) and position."""

    kind: TokenKind
    value: str | int | float
    lineno: int
    col: int


_TAG_START = re.compile(r"\{[{%#]")
_SPACE = re.compile(r"\s+")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
MAX_NUMBER_DIGITS = 1000  # Python itself refuses to convert more than 4,300 digits
_OPERATORS = ("==", "!=", "<=", ">=", "<", ">", ".", "|", "(", ")", ",", "[", "]")
_STRING_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'"}
_TAGS: dict[str, tuple[TokenKind, str, TokenKind]] = {
    "{{": ("var_begin", "}}", "var_end"),
    "{%": ("block_begin", "%}", "block_end"),
}


class _Lexer:
    """One pass over the source, appending tokens; a method per kind of thing it can meet."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.tokens: list[Token] = []
        # Offsets where each line starts, to turn an offset into (line, column) by bisection.
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def error(self, message: str, offset: int) -> TemplateSyntaxError:
        return TemplateSyntaxError(message, *self.position(offset))

    def emit(self, kind: TokenKind, value: str | int | float, offset: int) -> None:
        self.tokens.append(Token(kind, value, *self.position(offset)))

    def run(self) -> list[Token]:
        source, pos, strip_next = self.source, 0, False
        while True:
            match = _TAG_START.search(source, pos)
            start = match.start() if match else len(source)
            opener = match.group() if match else ""
            trim_left = source.startswith("-", start + 2) if match else False
            text = source[pos:start]
            if strip_next:
                text = text.lstrip()
            text_start = start - len(text)  # where the (left-stripped) text begins
            if trim_left:
                text = text.rstrip()
            if text:
                self.emit("text", text, text_start)
            if not match:
                break
            body = start + 2 + trim_left
            if opener == "{#":
                pos, strip_next = self.skip_comment(start, body)
            else:
                pos, strip_next = self.read_tag(opener, start, body)
        self.emit("eof", "", len(source))
        return self.tokens

    def skip_comment(self, start: int, body: int) -> tuple[int, bool]:
        """Skip a ``{# ... #}``; returns the offset after it and whether it ends with ``-#}``."""
        end = self.source.find("#}", body)
        if end < 0:
            raise self.error("unclosed comment: '{#' has no matching '#}'", start)
        trim_right = end > body and self.source[end - 1] == "-"
        return end + 2, trim_right

    def read_tag(self, opener: str, start: int, pos: int) -> tuple[int, bool]:
        """Emit the begin token, the expression tokens and the end token of one tag."""
        begin_kind, closer, end_kind = _TAGS[opener]
        self.emit(begin_kind, opener, start)
        source = self.source
        while True:
            space = _SPACE.match(source, pos)
            if space:
                pos = space.end()
            if pos >= len(source):
                raise self.error(f"unclosed '{opener}': no matching '{closer}'", start)
            for trim_right, marker in ((True, "-" + closer), (False, closer)):
                if source.startswith(marker, pos):
                    self.emit(end_kind, closer, pos)
                    return pos + len(marker), trim_right
            pos = self.read_token(pos)

    def read_token(self, pos: int) -> int:
        """Read one expression token at ``pos`` and return the offset after it."""
        source = self.source
        char = source[pos]
        if char in "\"'":
            return self.read_string(pos)
        name = _NAME.match(source, pos)
        if name:
            self.emit("name", name.group(), pos)
            return name.end()
        number = _NUMBER.match(source, pos)
        if number:
            text = number.group()
            if len(text) > MAX_NUMBER_DIGITS:  # int() of a huge literal is slow, then refused
                raise self.error(
                    f"number literal of {len(text):,} characters; at most "
                    f"{MAX_NUMBER_DIGITS} are allowed",
                    pos,
                )
            self.emit("number", float(text) if "." in text else int(text), pos)
            return number.end()
        for op in _OPERATORS:
            if source.startswith(op, pos):
                self.emit("op", op, pos)
                return pos + len(op)
        raise self.error(f"unexpected character {char!r} inside a tag", pos)

    def read_string(self, start: int) -> int:
        """A quoted string literal with the escapes \\n \\t \\\\ \\" \\'."""
        source, quote = self.source, self.source[start]
        chars: list[str] = []
        pos = start + 1
        while pos < len(source):
            char = source[pos]
            if char == quote:
                self.emit("string", "".join(chars), start)
                return pos + 1
            if char == "\\" and pos + 1 < len(source):
                nxt = source[pos + 1]
                chars.append(_STRING_ESCAPES.get(nxt, "\\" + nxt))
                pos += 2
            else:
                chars.append(char)
                pos += 1
        raise self.error("unterminated string literal", start)


def tokenize(source: str) -> list[Token]:
    """The tokens of ``source``, ending with an ``eof`` token; raises TemplateSyntaxError."""
    return _Lexer(source).run()

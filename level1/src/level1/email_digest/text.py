"""Turn an email body into clean sentences: undo tokenisation, drop quoted headers, split.

Two corpora shape these rules. AESLC bodies hold one sentence per line, in normal case.
Enron-Spam bodies were lower-cased and tokenised ("i ' m", "12 / 13 / 99", "gary ,") and
hard-wrapped at about 75 characters, with forwarded headers ("to : x / hou / ect @ ect")
left in the text. Every rule here is a regular expression you can read and test.
"""

from __future__ import annotations

import re

__all__ = [
    "clean_body",
    "detokenize",
    "is_greeting",
    "is_sign_off",
    "sign_off_name",
    "split_sentences",
    "strip_greeting",
    "top_part",
    "words",
]

# --- undoing the Enron-Spam tokenisation ------------------------------------------------

_TOKENISED = re.compile(r"\w [,.?] \w")
_DIGIT_PUNCT = re.compile(r"(\d) ([,:/.]) (?=\d)")
_HYPHEN = re.compile(r"(\w) - (?=\w)")
_APOSTROPHE = re.compile(r"(\w) ' (?=(?:s|t|m|re|ve|ll|d)\b)")
_SPACE_BEFORE = re.compile(r"[ \t]+([,.;:!?%)])")
_SPACE_AFTER = re.compile(r"([($]) ")
_AM_PM = re.compile(r"\b([ap])\. ?m\.", re.IGNORECASE)


def detokenize(text: str) -> str:
    """Glue punctuation back onto words when the text was tokenised ("i ' m" -> "i'm").

    Text is treated as tokenised when "word , word" or "word . word" occurs at least
    twice; ordinary prose is returned unchanged.
    """
    if len(_TOKENISED.findall(text)) < 2:
        return text
    text = _DIGIT_PUNCT.sub(r"\1\2", text)
    text = _DIGIT_PUNCT.sub(r"\1\2", text)  # second pass for chains like 12 / 13 / 99
    text = _HYPHEN.sub(r"\1-", text)
    text = _APOSTROPHE.sub(r"\1'", text)
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = _SPACE_AFTER.sub(r"\1", text)
    return _AM_PM.sub(r"\1m", text)


# --- removing lines that are not the writer's prose -------------------------------------

_FORWARD_MARKER = re.compile(
    r"^\s*(?:-{2,}|(?:- ){2,}).*(?:forwarded by|original message)"
    r"|^\s*-+\s*original message\s*-+"
    r"|^\s*(?:-+\s*)?forwarded by\b",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"^[\s\-_=*~+.#|]{3,}$|-{5,}|(?:- ){4,}")
_HEADER_LINE = re.compile(r"^\s*(?:from|to|cc|bcc|subject|sent|date|re)\s*:", re.IGNORECASE)
_NOTES_ADDRESS = re.compile(r"\w+ ?/ ?\w+ ?/ ?\w+ ?@ ?\w+", re.IGNORECASE)
# "anita luong 03/03/2000 01:35 pm", '"linda harris" on 12/10/99 09:38:43 am', or a bare date
_STAMP = re.compile(
    r"^.{0,60}?\d{1,2}/\d{1,2}/\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m)?\s*$"
    r"|^\s*\d{1,2}/\d{1,2}/\d{2,4}\s*$",
    re.IGNORECASE,
)


def _is_noise(line: str) -> bool:
    stripped = line.strip()
    return bool(
        stripped.startswith(">")
        or _FORWARD_MARKER.search(stripped)
        or _SEPARATOR.search(stripped)
        or _HEADER_LINE.match(stripped)
        or _NOTES_ADDRESS.search(stripped)
        or _STAMP.match(stripped)
        or _mostly_symbols(stripped)
    )


def _mostly_symbols(line: str) -> bool:
    """Table rules and ASCII art: under a quarter of the visible characters are letters."""
    visible = [ch for ch in line if not ch.isspace()]
    return len(visible) >= 4 and sum(ch.isalpha() for ch in visible) < len(visible) / 4


def clean_body(body: str) -> str:
    """The body without quoted lines, forwarded headers, separators and date stamps.

    Blank lines are kept (they end paragraphs); tokenised text is detokenised first.
    """
    text = detokenize(body.replace("\r\n", "\n").replace("\r", "\n"))
    kept = [line.rstrip() for line in text.split("\n") if not _is_noise(line)]
    return "\n".join(kept).strip("\n")


def top_part(body: str) -> str:
    """The text the writer typed: everything above the first forwarded or quoted block.

    That block starts at a forward marker, a quoted line (">"), an embedded header line
    ("from : ...", "to : ...") or a "name on 05/17/2001 11:00 am" stamp.
    """
    lines = detokenize(body.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
    for i, line in enumerate(lines):
        stripped = line.strip()
        if (
            _FORWARD_MARKER.search(stripped)
            or stripped.startswith(">")
            or _HEADER_LINE.match(stripped)
            or _STAMP.match(stripped)
        ):
            return "\n".join(lines[:i])
    return "\n".join(lines)


# --- sentences ---------------------------------------------------------------------------

_WRAP_WIDTH = 60  # a longer line without end punctuation was hard-wrapped mid-sentence
_LINE_END = re.compile(r"[.!?:;]\s*$")
_BOUNDARY = re.compile(r"(?<=[.!?])\s+")
_ABBREVIATIONS = frozenset(
    (
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "co", "corp", "inc", "ltd", "etc", "vs", "eg",
        "ie", "no", "am", "pm", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "approx", "dept",
        "est", "ext"
    )
)  # fmt: skip
_LAST_WORD = re.compile(r"(\w+)\.$")


def _blocks(text: str) -> list[str]:
    """Join hard-wrapped lines; a blank line, end punctuation or a short line ends a block."""
    blocks: list[str] = []
    current: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            if current:
                blocks.append(" ".join(current))
                current = []
            continue
        current.append(line)
        if _LINE_END.search(line) or len(line) < _WRAP_WIDTH:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return blocks


def _ends_with_abbreviation(piece: str) -> bool:
    match = _LAST_WORD.search(piece)
    if match is None:
        return False
    word = match.group(1)
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split_sentences(text: str) -> list[str]:
    """Split cleaned body text into sentences, whitespace collapsed.

    A split happens after ., ! or ? followed by space, except after an abbreviation or a
    single-letter initial; in cased text the next piece must also start with a capital,
    a digit or a quote. Line structure is used too (see ``_blocks``).
    """
    cased = any(ch.isupper() for ch in text)
    sentences: list[str] = []
    for block in _blocks(text):
        pieces = _BOUNDARY.split(block)
        merged: list[str] = []
        for piece in pieces:
            starts_new = (
                not cased or piece[:1].isupper() or piece[:1].isdigit() or piece[:1] in "\"'("
            )
            if merged and (_ends_with_abbreviation(merged[-1]) or not starts_new):
                merged[-1] = f"{merged[-1]} {piece}"
            else:
                merged.append(piece)
        sentences.extend(" ".join(s.split()) for s in merged)
    return [s for s in sentences if s]


_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text: str) -> list[str]:
    """Lower-case word tokens (letters and digits, with an inner apostrophe)."""
    return _WORD.findall(text.lower())


# --- greetings and sign-offs ------------------------------------------------------------

_GREETING = re.compile(
    r"^(?:(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b[^.!?]{0,40}"
    r"|[a-z][\w.'\- ]{0,30})\s*[,:!]?$",
    re.IGNORECASE,
)
_GREETING_PREFIX = re.compile(
    r"^(?:(?:hi|hello|hey|dear)\s+)?((?:[a-z][\w.'\-]*)(?:\s+[a-z][\w.'\-]*){0,2})\s*[,:]\s+(?=\S)",
    re.IGNORECASE,
)
_NOT_NAMES = frozenset(
    (
        "however", "also", "yes", "no", "well", "ok", "okay", "so", "again", "first", "then",
        "unfortunately", "additionally", "therefore", "currently", "today", "otherwise", "finally",
        "meanwhile", "thanks", "thank", "please", "fyi", "note", "attached", "also", "again",
        "sorry", "ps", "and", "but", "or", "if", "as", "in", "on", "at", "for", "with", "all",
        "everyone", "folks", "team", "guys", "regards", "wishes", "very", "much"
    )
)  # fmt: skip
_SIGN_OFF = re.compile(
    r"^(?:many |best |kind |warm )?(?:thanks|thank you|thx|regards|best|cheers|sincerely|"
    r"take care|talk soon|love|yours)\b[^.!?]{0,30}[.!]?$",
    re.IGNORECASE,
)


def is_greeting(sentence: str) -> bool:
    """A salutation on its own: "Hi all," "Phillip," "good morning team"."""
    stripped = sentence.strip()
    if not stripped or len(words(stripped)) > 4:
        return False
    if re.match(
        r"^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b", stripped, re.I
    ):
        return True
    return (
        bool(_GREETING.match(stripped))
        and stripped[-1:] in ",:"
        and _looks_like_name(stripped[:-1])
    )


def is_sign_off(sentence: str) -> bool:
    """A closing such as "Thanks," "thanks, stella" or "Best regards"."""
    return bool(_SIGN_OFF.match(sentence.strip()))


def _looks_like_name(text: str) -> bool:
    tokens = text.replace(",", " ").split()
    return (
        0 < len(tokens) <= 3
        and all(re.fullmatch(r"[A-Za-z][A-Za-z.'\-]*", t) for t in tokens)
        and tokens[0].lower() not in _NOT_NAMES
    )


def strip_greeting(sentence: str) -> str:
    """Remove a leading salutation: "Phillip,   Could you ...?" -> "Could you ...?"."""
    match = _GREETING_PREFIX.match(sentence)
    if match is None or not _looks_like_name(match.group(1)):
        return sentence
    return sentence[match.end() :]


_NAME_LINE = re.compile(r"^[A-Za-z][A-Za-z.'\-]*(?: [A-Za-z][A-Za-z.'\-]*){0,2}$")
_CLOSING_WITH_NAME = re.compile(
    r"^(?:many |best |kind |warm )?(?:thanks|thank you|thx|regards|best|cheers|sincerely)"
    r"\s+(?-i:([A-Z][a-z]+))\s*\.?$|"  # "Cheers Kirk": one capitalised word, no comma
    r"^(?:many |best |kind |warm )?(?:thanks|thank you|thx|regards|best|cheers|sincerely)"
    r"\s*[,\-]\s*([A-Za-z][A-Za-z.'\-]*(?: [A-Za-z][A-Za-z.'\-]*)?)\s*\.?$",
    re.IGNORECASE,
)


def sign_off_name(body: str) -> str | None:
    """The name the writer signed with, read from the last lines of the typed text.

    Rules, in order: "thanks, stella" gives "stella"; a closing line ("Thanks,") followed
    by a short name line gives that name; a lone short name line ending the text
    ("Louise", "DP") gives that name. None when the ending looks like none of these.
    """
    lines = [line.strip() for line in clean_body(top_part(body)).split("\n") if line.strip()]
    tail = lines[-3:]
    for i, line in enumerate(tail):
        match = _CLOSING_WITH_NAME.match(line)
        name = match and (match.group(1) or match.group(2))
        if name and name.split()[0].lower() not in _NOT_NAMES:
            return name
        if is_sign_off(line) and i + 1 < len(tail) and _is_name_line(tail[i + 1]):
            return tail[i + 1]
    if len(lines) >= 2 and _is_name_line(lines[-1]) and len(lines[-1]) <= 25:
        return lines[-1]
    return None


def _is_name_line(line: str) -> bool:
    return (
        bool(_NAME_LINE.match(line))
        and line.split()[0].lower() not in _NOT_NAMES
        and not is_sign_off(line)
    )

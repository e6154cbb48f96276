"""Data: the SMS and Enron corpora as (text, label) arrays, deduplicated, and a fixed split.

Every corpus comes out the same shape, a :class:`Corpus` of texts and ``"ham"``/``"spam"``
labels, so the rest of the project never cares where the messages came from. Two steps
here guard the honesty of every figure in the README:

* :func:`deduplicate`: the SMS collection repeats about 400 messages. A message in both
  the training and the test part would be "predicted" from memory, so each text is kept once.
* :func:`heldout_split`: one stratified split with a fixed seed. Tuning only ever looks at
  the training part; the held-out part is scored once, for the report.
"""

from __future__ import annotations

import csv
import email
import hashlib
from dataclasses import dataclass
from email import policy
from email.message import Message
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

__all__ = [
    "CORPORA",
    "Corpus",
    "corpus_sha256",
    "deduplicate",
    "heldout_split",
    "load_corpus",
    "load_enron",
    "load_sms",
    "read_email",
    "synthetic_corpus",
]

HAM, SPAM = "ham", "spam"
CORPORA = ("sms", "enron", "synthetic")
REGISTRY_NAMES = {"sms": "sms_spam", "enron": "enron_spam"}


@dataclass(frozen=True)
class Corpus:
    """Labelled messages: ``texts[i]`` is a message, ``labels[i]`` is "ham" or "spam"."""

    name: str
    texts: np.ndarray
    labels: np.ndarray
    duplicates_removed: int = 0
    synthetic: bool = False

    @property
    def sha256(self) -> str:
        """A digest of the (label, text) pairs, so a model knows which data it was trained on."""
        return corpus_sha256(self.texts, self.labels)

    def __len__(self) -> int:
        return len(self.texts)


def corpus_sha256(texts: np.ndarray, labels: np.ndarray) -> str:
    """sha256 of the labelled rows in order; the same rows give the same digest on any machine."""
    digest = hashlib.sha256()
    for text, label in zip(texts, labels, strict=True):
        digest.update(f"{label}\t{text}\n".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def deduplicate(texts: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    """Keep the first occurrence of each text; returns (texts, labels, how many were dropped)."""
    keep = ~pd.Series(texts, dtype=object).duplicated().to_numpy()
    return texts[keep], labels[keep], int((~keep).sum())


def heldout_split(
    labels: np.ndarray, test_size: float = 0.2, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Row indices (train, test) of a stratified split: each part keeps the class mix."""
    train_idx, test_idx = train_test_split(
        np.arange(len(labels)), test_size=test_size, stratify=labels, random_state=seed
    )
    return np.sort(train_idx), np.sort(test_idx)


def _corpus(name: str, texts: list[str], labels: list[str], synthetic: bool = False) -> Corpus:
    unique_texts, unique_labels, dropped = deduplicate(
        np.array(texts, dtype=object), np.array(labels, dtype=object)
    )
    return Corpus(name, unique_texts, unique_labels, dropped, synthetic)


def load_sms(path: str | Path) -> Corpus:
    """The SMS Spam Collection file: ``label<TAB>message`` per line, no header, no quoting.

    ``quoting=csv.QUOTE_NONE`` matters: some messages start with a double quote, and the
    default CSV quoting would glue lines together (5,572 rows instead of 5,574).
    """
    table = pd.read_csv(
        path,
        sep="\t",
        header=None,
        names=["label", "message"],
        quoting=csv.QUOTE_NONE,
        dtype=str,
        keep_default_na=False,
        encoding="utf-8",
    )
    unknown = sorted(set(table["label"]) - {HAM, SPAM})
    if unknown:
        raise ValueError(f"{path}: labels must be ham or spam, found {unknown[0]!r}")
    return _corpus("sms", table["message"].tolist(), table["label"].tolist())


def load_enron(folder: str | Path) -> Corpus:
    """Enron-Spam: one email per file under ``ham/`` and ``spam/`` (a folder like ``enron1``)."""
    root = Path(folder)
    texts, labels = [], []
    for label in (HAM, SPAM):
        files = sorted((root / label).glob("*.txt"))
        if not files:
            raise ValueError(f"{root / label} holds no .txt emails; is {root} an Enron-Spam part?")
        for path in files:
            texts.append(read_email(path.read_bytes()))
            labels.append(label)
    return _corpus("enron", texts, labels)


def synthetic_corpus(rows: int = 1000, seed: int = 0) -> Corpus:
    """Synthetic emails from ``level0.datagen``'s ``emails`` preset, for runs without real data.

    The preset labels each email work, personal, promotions or spam; all but spam count as
    ham. Its words come from separate topic lists, so it is far easier than real mail.
    """
    from level0.datagen import generate

    table = generate("emails", rows=rows, seed=seed)
    texts = (table["subject"].astype(str) + "\n" + table["body"].astype(str)).tolist()
    labels = [SPAM if label == SPAM else HAM for label in table["label"].astype(str)]
    return _corpus("synthetic", texts, labels, synthetic=True)


def load_corpus(name: str) -> Corpus:
    """A corpus by name: "sms" and "enron" from the data registry (never downloads), or "synthetic".

    Raises ``level0.datasets.DatasetMissing`` (with the fetch command) when the data is not cached.
    """
    if name == "synthetic":
        return synthetic_corpus()
    if name not in REGISTRY_NAMES:
        raise ValueError(f"unknown corpus {name!r}; choose one of {', '.join(CORPORA)}")
    from level0 import datasets

    folder = datasets.locate(REGISTRY_NAMES[name])
    if name == "sms":
        return load_sms(folder / "SMSSpamCollection")
    return load_enron(folder / "enron1")


# --- emails ---------------------------------------------------------------------------


def read_email(data: bytes) -> str:
    """The subject and the readable body of one email (an Enron file or any ``.eml``), as text.

    The bytes are decoded as Latin-1, which maps every byte to one character, so nothing is
    ever lost; the ``email`` package then splits headers from body and undoes MIME transfer
    encodings, and each text part is decoded with the charset it declares. An HTML-only
    message is reduced to its visible text.
    """
    message = email.message_from_string(data.decode("latin-1"), policy=policy.default)
    subject = str(message.get("subject", "") or "")
    part = _readable_part(message)
    body = "" if part is None else _part_text(part)
    return f"{subject}\n{body}" if subject else body


def _readable_part(message: Message) -> Message | None:
    if not message.is_multipart():
        return message if message.get_content_maintype() == "text" else None
    for wanted in ("text/plain", "text/html"):
        for part in message.walk():
            if part.get_content_type() == wanted and not part.is_multipart():
                return part
    return None


def _part_text(part: Message) -> str:
    raw = part.get_payload(decode=True)
    if not isinstance(raw, bytes):
        return ""
    charset = part.get_content_charset() or "latin-1"
    try:
        text = raw.decode(charset, errors="replace")
    except LookupError:  # a charset Python does not know
        text = raw.decode("latin-1")
    return _visible_text(text) if part.get_content_type() == "text/html" else text


HIDDEN_TAGS = ("script", "style")


class _TextOfHtml(HTMLParser):
    """Collects the text of an HTML page, leaving out scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN_TAGS:
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN_TAGS and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.chunks.append(data)


def _visible_text(html: str) -> str:
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    return " ".join(" ".join(parser.chunks).split())

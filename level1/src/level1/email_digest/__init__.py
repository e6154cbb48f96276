"""Email digests: summaries, categories, dates, deadlines and action items, in one Markdown file.

    from level1 import email_digest as ed
    result = ed.read_source("emails/")                  # a folder, one file or an mbox
    entries = ed.digest_emails(result.emails, ed.RulesCategoriser())
    ed.write_digest(entries, "digest.md", source="emails/", group_by="thread")

Read the README first; the modules, in reading order: ``message`` (reading emails),
``text`` (cleaning and sentences), ``extract`` (rules), ``summary``, ``rules`` and
``classify`` (categories), ``digest`` (Markdown), ``rouge`` and ``aeslc`` (evaluation).
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

# rouge.py needs only the standard library, and its module shares the name of the
# function it exports: imported eagerly, ``email_digest.rouge`` stays that function even
# after something imports the module (a lazy name would then be shadowed by the module).
from level1.email_digest.rouge import RougeScore, rouge

if TYPE_CHECKING:  # imported on first use, so the CLI starts without scikit-learn
    from level1.email_digest.classify import (
        Categoriser,
        ModelCategoriser,
        RulesCategoriser,
        hand_labels,
        load_categoriser,
        train_and_save,
    )
    from level1.email_digest.digest import (
        DigestEntry,
        GroupBy,
        digest_emails,
        group_entries,
        md_escape,
        render_markdown,
        thread_key,
        write_digest,
    )
    from level1.email_digest.extract import (
        ActionItem,
        DateMention,
        find_actions,
        find_dates,
        find_deadlines,
    )
    from level1.email_digest.message import (
        Email,
        NotAnEmail,
        ReadResult,
        Skipped,
        parse_bytes,
        read_source,
    )
    from level1.email_digest.rules import CATEGORIES, RuleLabel, weak_label
    from level1.email_digest.summary import (
        Summariser,
        candidate_sentences,
        lead_sentence,
        summarise,
    )
    from level1.email_digest.text import clean_body, sign_off_name, split_sentences

__all__ = [
    "CATEGORIES",
    "ActionItem",
    "Categoriser",
    "DateMention",
    "DigestEntry",
    "Email",
    "GroupBy",
    "ModelCategoriser",
    "NotAnEmail",
    "ReadResult",
    "RougeScore",
    "RuleLabel",
    "RulesCategoriser",
    "Skipped",
    "Summariser",
    "candidate_sentences",
    "clean_body",
    "digest_emails",
    "find_actions",
    "find_dates",
    "find_deadlines",
    "group_entries",
    "hand_labels",
    "lead_sentence",
    "load_categoriser",
    "md_escape",
    "parse_bytes",
    "read_source",
    "render_markdown",
    "rouge",
    "sign_off_name",
    "split_sentences",
    "summarise",
    "thread_key",
    "train_and_save",
    "weak_label",
    "write_digest",
]
EAGER = {"RougeScore", "rouge"}
__getattr__, __dir__ = lazy_exports(__name__, __file__, [n for n in __all__ if n not in EAGER])

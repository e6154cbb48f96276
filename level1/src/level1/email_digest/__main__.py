"""python -m level1.email_digest EMAILS -o digest.md: a Markdown digest of a folder or mbox."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from level0.cli import Failure, int_in, make_parser, run

if TYPE_CHECKING:
    from level1.email_digest.classify import Categoriser

# Only the standard library and level0.cli load before the arguments are parsed; the
# readers, the classifier (scikit-learn) and the data registry load inside the handler.
MAX_SKIPPED_SHOWN = 10


def default_model_dir() -> Path:
    """Where the classifier lives unless --model says otherwise (a per-user cache folder)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("ml-roadmap")) / "models" / "level1.email_digest"


def _train(model_dir: Path) -> None:
    from level0.datasets import locate
    from level1.email_digest.classify import train_and_save

    enron = locate("enron_spam")  # raises DatasetMissing with the fetch command
    print(f"training the category classifier on enron_spam into {model_dir} ...", file=sys.stderr)
    metrics = train_and_save(enron / "enron1" / "ham", model_dir)
    holdout = metrics["classifier_vs_hand_holdout"]
    print(
        f"trained on {metrics['weakly_labelled']} weakly labelled emails; agrees with the "
        f"hand labels on {holdout['agree']}/{holdout['n']} held-out emails",
        file=sys.stderr,
    )


def choose_categoriser(args: argparse.Namespace) -> Categoriser:
    """--rules, else the classifier in --model (trained there first if it is missing)."""
    from level0.datasets import DatasetMissing
    from level1.email_digest.classify import RulesCategoriser, load_categoriser

    if args.rules:
        return RulesCategoriser()
    model_dir = args.model if args.model is not None else default_model_dir()
    if not (model_dir / "metadata.json").is_file():
        try:
            _train(model_dir)
        except DatasetMissing as exc:
            if args.model is not None:
                raise Failure(f"no model in {model_dir} and none can be trained: {exc}") from None
            print(
                "note: enron_spam is not cached, so categories come from the keyword rules "
                "(python -m level0.datasets fetch enron_spam to train the classifier)",
                file=sys.stderr,
            )
            return RulesCategoriser()
    return load_categoriser(model_dir)


def refuse_unusable_model_folder(model_dir: Path) -> None:
    """Before training into ``model_dir``: it must be new, empty, or a model folder."""
    if model_dir.exists() and not model_dir.is_dir():
        raise Failure(f"--model {model_dir} is a file; give a folder for the classifier")
    if model_dir.is_dir() and any(model_dir.iterdir()):
        raise Failure(
            f"--model {model_dir} holds files but no metadata.json; "
            "give an empty or new folder to train the classifier into"
        )


def handle(args: argparse.Namespace) -> int:
    # The reader needs only the standard library: a source with no emails is refused
    # before scikit-learn loads.
    from level1.email_digest.message import NotAnEmail, read_source

    output: Path = args.output
    if not output.parent.is_dir():
        raise Failure(f"cannot write {output}: folder {output.parent} does not exist")
    if output.is_dir():
        raise Failure(f"cannot write {output}: it is a folder; give a file name like digest.md")
    if args.model is not None and not (args.model / "metadata.json").is_file():
        refuse_unusable_model_folder(args.model)  # before any reading or training
    try:
        result = read_source(args.source)
    except NotAnEmail as exc:
        raise Failure(str(exc)) from None
    for skipped in result.skipped[:MAX_SKIPPED_SHOWN]:
        print(f"skipped {skipped.source}: {skipped.reason}", file=sys.stderr)
    if len(result.skipped) > MAX_SKIPPED_SHOWN:
        print(f"... and {len(result.skipped) - MAX_SKIPPED_SHOWN} more skipped", file=sys.stderr)
    emails = result.emails[: args.limit] if args.limit else result.emails
    if not emails:
        raise Failure(f"no emails could be read from {args.source} ({len(result.skipped)} skipped)")
    from level1.email_digest.digest import digest_emails, entry_record, group_entries, write_digest

    categoriser = choose_categoriser(args)
    entries = digest_emails(emails, categoriser)
    write_digest(
        entries,
        output,
        source=args.source,
        group_by=args.by,
        skipped=result.skipped,
        categoriser_name=categoriser.name,
    )
    if args.json:
        print(json.dumps([entry_record(e) for e in entries], indent=2))
    else:
        groups = len(group_entries(entries, args.by))
        unit = "day" if args.by == "day" else "thread"
        print(
            f"wrote {output}: {len(entries)} emails in {groups} {unit}{'s' if groups != 1 else ''}, "
            f"{len(result.skipped)} skipped"
        )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = make_parser(
        "python -m level1.email_digest",
        "Digest a folder of emails (one per file: AESLC, Enron-Spam, .eml) or an mbox into one\n"
        "Markdown file: sender, date, subject, a one-line summary, category, dates, deadlines\n"
        "and action items for every email, grouped by day or by thread.",
        "python -m level1.email_digest ~/mail/inbox -o digest.md --by thread",
    )
    parser.add_argument(
        "source", type=Path, help="a folder of email files, one email file, or an mbox"
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("digest.md"),
        help="the Markdown file to write (default: digest.md)",
    )
    parser.add_argument(
        "--by", choices=("day", "thread"), default="day", help="group by day (default) or thread"
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--model",
        type=Path,
        help="the category classifier's folder; trained there from enron_spam if empty "
        f"(default: {default_model_dir()})",
    )
    group.add_argument(
        "--rules", action="store_true", help="categorise with the keyword rules only"
    )
    parser.add_argument(
        "--limit",
        type=int_in(1, 10**6),
        metavar="N",
        help="digest only the first N emails read, 1 to 1,000,000",
    )
    parser.add_argument(
        "--json", action="store_true", help="also print every entry as JSON on stdout"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    code: int = run(build_parser(), handle, argv)
    return code


if __name__ == "__main__":
    sys.exit(main())

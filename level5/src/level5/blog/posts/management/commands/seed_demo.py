from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from level5.blog.posts.demo import MAX_COMMENTS, AlreadySeeded, seed_demo


class Command(BaseCommand):
    help = "Create the demo posts and comments drawn from real SMS messages (once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--comments", type=int, default=120, help="how many (default 120)")
        parser.add_argument("--seed", type=int, default=0, help="sampling seed (default 0)")

    def handle(self, *args: Any, **options: Any) -> None:
        if not 1 <= options["comments"] <= MAX_COMMENTS:
            raise CommandError(f"--comments must be 1 to {MAX_COMMENTS}")
        try:
            report = seed_demo(options["comments"], options["seed"])
        except AlreadySeeded as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"seeded {report.summary()}")

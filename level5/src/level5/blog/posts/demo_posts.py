"""The demo blog's posts: an ML engineer's notebook, written for this project.

Each entry is (title, tags, Markdown body). The tags are the truth the tag suggester
is measured against (leave-one-out), so they were chosen as an author would, before
any suggester existed.
"""

POSTS: list[tuple[str, tuple[str, ...], str]] = [
    (
        "Why my first spam filter blocked my bank",
        ("machine-learning", "testing", "data"),
        "Accuracy said 98%. Then the filter sent a message from my bank to the spam folder. "
        "Most messages are ham, so accuracy hides the one error that hurts: a real message "
        "thrown away. I now pick the **threshold** on cross-validation so that at most one "
        "ham message in five hundred is blocked, and report spam caught at that threshold.",
    ),
    (
        "Pinning dependencies without tears",
        ("python", "tooling", "deployment"),
        "A lock file is a promise that tomorrow's install is today's install. I keep one lock "
        "for the whole workspace, upgrade on purpose in a separate commit, and let CI install "
        "with `--locked` so a drifting transitive dependency fails loudly instead of quietly.\n\n"
        "```\nuv lock --upgrade-package django\nuv sync --locked\n```",
    ),
    (
        "Property-based tests found a bug my examples missed",
        ("python", "testing"),
        "I had ten hand-written examples for a text normaliser and all of them passed. "
        "Hypothesis generated a string with a combining accent and a zero-width space and the "
        "round trip broke. Properties (idempotence, round trips, bounds) describe what must "
        "hold for every input; examples only describe the inputs I thought of.",
    ),
    (
        "Deduplicate before you split",
        ("data", "machine-learning", "testing"),
        "The SMS collection repeats about four hundred messages. Split first and the same "
        "message lands in training and test, and the model is graded on what it memorised. "
        "My held-out score dropped by a point after deduplication, and that point was never "
        "real. Hash the text, keep the first copy, then split with a fixed seed.",
    ),
    (
        "A Django blog in an afternoon",
        ("django", "python"),
        "Models for posts, tags and comments, the admin for writing, a paginated list view "
        "and a feed: Django gives each of these in a few lines. The parts that took longest "
        "were the ones Django leaves to you, like sanitising the Markdown so a comment cannot "
        "run a script in a reader's browser.",
    ),
    (
        "Serving a scikit-learn model behind gunicorn",
        ("deployment", "python", "machine-learning"),
        "Load the model once per worker, never per request. Validate every input with a "
        "schema and answer bad requests with a problem document, not a stack trace. With two "
        "workers and four threads each, a TF-IDF model answered several hundred requests a "
        "second on a small machine, which is more than my blog will ever see.",
    ),
    (
        "Never pickle a model you will load later",
        ("security", "machine-learning", "deployment"),
        "Unpickling runs code. A model file from a colleague, a bucket or an old backup is "
        "an executable you did not review. I save models with skops, which refuses types it "
        "does not trust, and keep a metadata file with library versions and a data hash next "
        "to it, so a loader can refuse a file that does not match.",
    ),
    (
        "SQLite is enough until it is not",
        ("databases", "django", "deployment"),
        "For a blog with one writer, SQLite in a data folder is the right database: one file, "
        "nothing to run, backups by copying. The day several processes write at once, move to "
        "PostgreSQL. With `DATABASE_URL` the switch is a configuration change, not a rewrite, "
        "and the migrations run the same on both.",
    ),
    (
        "Cross-validation is not the test set",
        ("machine-learning", "testing", "data"),
        "I choose models, thresholds and features on cross-validation over the training part, "
        "and look at the test split exactly once, for the number I report. Every extra look "
        "at the test set is a little training on it. If the reported figure disappoints, the "
        "honest move is a new test set, not another tweak.",
    ),
    (
        "Five deploy settings I forgot the first time",
        ("security", "django", "deployment"),
        "`DEBUG` off, a real secret key from the environment, the list of allowed hosts, "
        "secure cookies and HSTS. Django's `check --deploy` lists all of them; I now run it in "
        "CI with the production environment, so a forgotten setting fails a build instead of "
        "leaking a traceback to the internet.",
    ),
    (
        "What I look for in a junior ML engineer's first pull request",
        ("career", "testing"),
        "Not the model. I look for a test that could fail, a README that says what was "
        "measured and on which data, and a commit message that explains why. Those habits "
        "take years to build and are worth more than a fancier architecture. Ask for review "
        "early; a small pull request gets a better review than a big one.",
    ),
    (
        "Moving from notebooks to a package",
        ("python", "tooling", "career"),
        "A notebook is a great place to think and a bad place to keep code. When a function "
        "is used twice I move it into a package with a `pyproject.toml`, give it a test and a "
        "type hint, and import it back into the notebook. Ruff and a formatter end the style "
        "arguments before they start.",
    ),
    (
        "Indexes I added after reading the query log",
        ("databases", "django"),
        "The comment moderation page took two seconds. The query log showed one query per "
        "comment for its post and one more for its score. `select_related` fixed the first, an "
        "index on the status column the second. Measure with real data before adding indexes: "
        "each one slows every write a little.",
    ),
    (
        "Cleaning a messy CSV with pandas",
        ("data", "python"),
        "Semicolons as separators, decimal commas, and -200 meaning missing: the air quality "
        "file has all three. Read it with the right `sep` and `decimal`, turn the sentinel into "
        "NaN before any mean is computed, and write down each quirk next to the loader so the "
        "next person does not rediscover it.",
    ),
    (
        "Escaping is not optional",
        ("security", "django", "testing"),
        "Every form on this blog carries a CSRF token, and every comment is escaped when it is "
        "shown. I keep a test that posts `<script>alert(1)</script>` as a comment and checks "
        "the page shows the text, not a script. It has caught one regression already, when a "
        "template filter marked a string safe by mistake.",
    ),
    (
        "Reading a learning curve before buying a GPU",
        ("machine-learning", "data", "career"),
        "Plot validation score against training set size. If the curve is still rising, more "
        "data will help more than a bigger model; if it is flat, the model or the features are "
        "the limit. That one plot saved my team a hardware budget request and a month of "
        "waiting.",
    ),
]

"""A Django mini blog whose comments are moderated by level 1's models (the prediction plugin).

Read in this order: README.md, :mod:`.settings` (everything from the environment, the
plugin's one dict), the blog app :mod:`.posts` (:mod:`~.posts.models`,
:mod:`~.posts.markdown`, :mod:`~.posts.views`, :mod:`~.posts.hooks`, :mod:`~.posts.demo`),
then the plugin :mod:`.predictions` (:mod:`~.predictions.apps` connects it,
:mod:`~.predictions.service` asks the models, :mod:`~.predictions.tags` suggests tags,
:mod:`~.predictions.admin` is the moderation queue), then ``__main__``
(``python -m level5.blog``, Django's manage.py) and :mod:`.tour`.

>>> render_markdown("**hi** <script>alert(1)</script>")
'<p><strong>hi</strong> </p>'
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

if TYPE_CHECKING:  # imported on first use: ``--help`` starts without Django
    from level5.blog.posts.markdown import render_markdown
    from level5.blog.predictions.tags import (
        Suggestion,
        TagEvaluation,
        TaggedText,
        leave_one_out,
        most_frequent_tags,
        suggest_tags,
    )

__all__ = [
    "Suggestion",
    "TagEvaluation",
    "TaggedText",
    "leave_one_out",
    "most_frequent_tags",
    "render_markdown",
    "suggest_tags",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)

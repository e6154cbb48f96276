"""The blog itself: posts in Markdown, tags, comments, the admin, pagination and an RSS feed.

It knows nothing of machine learning. Two extension points let a plugin join in:
Django's ``post_save`` signal on :class:`~.models.Comment` (a new comment arrives) and
:data:`~.hooks.comment_badges` (ask for small labels to show next to comments).
"""

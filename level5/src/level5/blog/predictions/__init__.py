"""The prediction plugin: level 1's spam filter and sentiment classifier, and a tag suggester.

Enable it with one line in ``INSTALLED_APPS`` (``"level5.blog.predictions"``) and one
settings dict, ``BLOG_PREDICTIONS`` (see :mod:`.config`). It connects itself in
:meth:`~.apps.PredictionsConfig.ready`; the blog app never imports it.
"""

# mypy: disallow-subclassing-any=False, disallow-untyped-decorators=False
# (Django ships no type hints: its base classes and decorators are Any to mypy)
from django.apps import AppConfig


class PostsConfig(AppConfig):
    name = "level5.blog.posts"
    label = "posts"
    verbose_name = "Blog"

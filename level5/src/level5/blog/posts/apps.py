from django.apps import AppConfig


class PostsConfig(AppConfig):
    name = "level5.blog.posts"
    label = "posts"
    verbose_name = "Blog"

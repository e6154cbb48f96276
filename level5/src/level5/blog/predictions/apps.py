from django.apps import AppConfig


class PredictionsConfig(AppConfig):
    name = "level5.blog.predictions"
    label = "predictions"
    verbose_name = "Predictions (spam, sentiment, tags)"

    def ready(self) -> None:
        """Connect to the blog's two extension points: a new comment, and comment badges."""
        from django.db.models.signals import post_save

        from level5.blog.posts.hooks import comment_badges
        from level5.blog.posts.models import Comment
        from level5.blog.predictions import receivers

        post_save.connect(receivers.moderate_new_comment, sender=Comment, dispatch_uid=self.name)
        comment_badges.connect(receivers.sentiment_badges, dispatch_uid=self.name)

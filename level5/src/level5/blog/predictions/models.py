"""What the plugin stores: one verdict per comment, and the moderation queue (a proxy)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from level5.blog.posts.models import Comment


class Verdict(models.Model):
    """The models' answers for one comment, and why a comment waits when they could not answer."""

    comment = models.OneToOneField(Comment, on_delete=models.CASCADE, related_name="verdict")
    spam_score = models.FloatField(null=True, blank=True, help_text="higher: more like spam")
    spam_threshold = models.FloatField(null=True, blank=True)
    is_spam = models.BooleanField(null=True)
    sentiment = models.CharField(max_length=20, blank=True)
    sentiment_probability = models.FloatField(null=True, blank=True)
    reason = models.CharField(max_length=300, blank=True, help_text="why a model gave no answer")
    models_used = models.CharField(max_length=100, blank=True, help_text="model versions")
    scored = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        if self.is_spam is None:
            return f"unscored ({self.reason})"
        return f"{'spam' if self.is_spam else 'ham'} {self.spam_score:.3f}"


class ModerationQueue(Comment):
    """Comments seen through the plugin's eyes: the admin's moderation queue."""

    class Meta:
        proxy = True
        verbose_name = "comment to moderate"
        verbose_name_plural = "comments to moderate"

from django import forms

from level5.blog.posts.models import Comment


class CommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = ("name", "body")
        labels = {"name": "Your name", "body": "Comment"}  # noqa: RUF012
        widgets = {"body": forms.Textarea(attrs={"rows": 4, "maxlength": 2000})}  # noqa: RUF012

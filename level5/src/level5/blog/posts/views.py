"""The public pages: the post list (paginated, by tag too), a post with its comments, the
comment form. Only published comments are shown; a held one gets a notice instead."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from level5.blog.posts.forms import CommentForm
from level5.blog.posts.hooks import badges_for
from level5.blog.posts.models import Comment, Post, Tag

PAGE_SIZE = 5


def post_list(request: HttpRequest, tag: str | None = None) -> HttpResponse:
    posts = Post.live.prefetch_related("tags").select_related("author")
    chosen = get_object_or_404(Tag, name=tag) if tag else None
    if chosen:
        posts = posts.filter(tags=chosen)
    page = Paginator(posts, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "posts/list.html", {"page": page, "tag": chosen})


@require_http_methods(["GET", "POST"])
def post_detail(request: HttpRequest, slug: str) -> HttpResponse:
    post = get_object_or_404(Post.live, slug=slug)
    form = CommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        comment = form.save(commit=False)
        comment.post = post
        comment.save()  # post_save: a plugin may publish it at once
        if comment.status == Comment.Status.PUBLISHED:
            messages.success(request, "Thank you, your comment is published.")
        else:
            messages.info(request, "Thank you, your comment is awaiting review.")
        return redirect(post)
    comments = list(post.comments.filter(status=Comment.Status.PUBLISHED))
    badges = badges_for(comments)
    shown = [(comment, badges.get(comment.pk, [])) for comment in comments]
    context = {"post": post, "comments": shown, "form": form}
    return render(request, "posts/detail.html", context)

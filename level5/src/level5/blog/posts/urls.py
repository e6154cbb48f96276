from django.urls import path

from level5.blog.posts import feeds, views

app_name = "posts"
urlpatterns = [
    path("", views.post_list, name="list"),
    path("tag/<slug:tag>/", views.post_list, name="tag"),
    path("feed/", feeds.LatestPosts(), name="feed"),
    path("<slug:slug>/", views.post_detail, name="detail"),
]

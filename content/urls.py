from django.urls import path

from content.feeds import ArticleFeed
from content.preview import PageSharedPreviewView
from content.views import (
    ArticleDetailView,
    ArticleListView,
    ConditionPageDetailView,
    ConditionPageListView,
)

app_name = "content"

urlpatterns = [
    path("articles/", ArticleListView.as_view(), name="article-list"),
    path("articles/feed/", ArticleFeed(), name="article-feed"),
    path("articles/<slug:slug>/", ArticleDetailView.as_view(), name="article-detail"),
    path("conditions/", ConditionPageListView.as_view(), name="condition-list"),
    path("conditions/<slug:slug>/", ConditionPageDetailView.as_view(), name="condition-detail"),
    path("preview/<str:token>/", PageSharedPreviewView.as_view(), name="page-preview"),
]

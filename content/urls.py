from django.urls import path, register_converter

from content.feeds import ArticleFeed
from content.preview import PageSharedPreviewView
from content.shop_pages import ShopPageSlotConverter
from content.views import (
    ArticleDetailView,
    ArticleListView,
    ConditionPageDetailView,
    ConditionPageListView,
    ShopPageDetailView,
)

app_name = "content"

register_converter(ShopPageSlotConverter, "shop_page")

urlpatterns = [
    path("articles/", ArticleListView.as_view(), name="article-list"),
    path("articles/feed/", ArticleFeed(), name="article-feed"),
    path("articles/<slug:slug>/", ArticleDetailView.as_view(), name="article-detail"),
    path("conditions/", ConditionPageListView.as_view(), name="condition-list"),
    path("conditions/<slug:slug>/", ConditionPageDetailView.as_view(), name="condition-detail"),
    path("preview/<str:token>/", PageSharedPreviewView.as_view(), name="page-preview"),
    path("<shop_page:slug>/", ShopPageDetailView.as_view(), name="shop-page"),
]

"""Stock Oscar's URLs as its "Building your own shop" guide writes them, with /__hello/ in front."""

from django.apps import apps
from django.contrib import admin
from django.urls import include, path
from hello import hello

urlpatterns = [
    path("__hello/", hello),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include(apps.get_app_config("oscar").urls[0])),
]

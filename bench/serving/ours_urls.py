"""Our shop's URLs with the trivial /__hello/ view in front."""

from django.urls import path
from hello import hello

from store.urls import handler403, handler404, handler500  # noqa: F401
from store.urls import urlpatterns as shop_urlpatterns

urlpatterns = [path("__hello/", hello), *shop_urlpatterns]

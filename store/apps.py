"""The Django admin, installed with the shop's own admin site."""

from django.contrib.admin.apps import AdminConfig


class ShopAdminConfig(AdminConfig):
    default_site = "store.admin.ShopAdminSite"

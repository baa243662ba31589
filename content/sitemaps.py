"""The sitemap's sections: live articles, condition pages and shop pages, products, categories."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap

from content import selectors


class ShopSitemap(Sitemap):
    """A sitemap section whose addresses start with the shop's public address, SHOP_BASE_URL."""

    def get_protocol(self, protocol=None) -> str:
        return urlsplit(settings.SHOP_BASE_URL).scheme

    def get_domain(self, site=None) -> str:
        return urlsplit(settings.SHOP_BASE_URL).netloc


class ArticleSitemap(ShopSitemap):
    """List the live articles."""

    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return selectors.sitemap_articles()

    def lastmod(self, item):
        return item.updated_at


class ConditionPageSitemap(ShopSitemap):
    """List the live condition pages."""

    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return selectors.sitemap_condition_pages()

    def lastmod(self, item):
        return item.updated_at


class ShopPageSitemap(ShopSitemap):
    """List the live shop pages: delivery, returns, terms and the rest."""

    changefreq = "yearly"
    priority = 0.3

    def items(self):
        return selectors.sitemap_shop_pages()

    def lastmod(self, item):
        return item.updated_at


class ProductSitemap(ShopSitemap):
    """List the products a shopper can browse."""

    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return selectors.sitemap_products()

    def lastmod(self, item):
        return item.date_updated


class CategorySitemap(ShopSitemap):
    """List the public categories."""

    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return selectors.sitemap_category_urls()

    def location(self, item: str) -> str:
        return item


SITEMAPS = {
    "articles": ArticleSitemap,
    "conditions": ConditionPageSitemap,
    "products": ProductSitemap,
    "categories": CategorySitemap,
    "shop-pages": ShopPageSitemap,
}

"""The sitemap's sections: live articles and condition pages, products and categories."""

from django.contrib.sitemaps import Sitemap

from content import selectors


class ArticleSitemap(Sitemap):
    """List the live articles."""

    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return selectors.sitemap_articles()

    def lastmod(self, item):
        return item.updated_at


class ConditionPageSitemap(Sitemap):
    """List the live condition pages."""

    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return selectors.sitemap_condition_pages()

    def lastmod(self, item):
        return item.updated_at


class ProductSitemap(Sitemap):
    """List the products a shopper can browse."""

    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return selectors.sitemap_products()

    def lastmod(self, item):
        return item.date_updated


class CategorySitemap(Sitemap):
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
}

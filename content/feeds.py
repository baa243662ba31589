"""The Atom feed of live articles."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from content.models import Article
from content.selectors import live_articles

FEED_LENGTH = 20


class ArticleFeed(Feed):
    """Offer the latest live articles as an Atom feed."""

    feed_type = Atom1Feed
    link = reverse_lazy("content:article-list")
    feed_url = reverse_lazy("content:article-feed")
    subtitle = _("What published research says about magnesium, in plain words.")

    def title(self) -> str:
        return _("%(shop)s articles") % {"shop": settings.OSCAR_SHOP_NAME}

    def items(self):
        return live_articles()[:FEED_LENGTH]

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        """Return the summary escaped: Atom marks it as HTML, and it is plain text."""
        return escape(item.summary)

    def item_link(self, item: Article) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Article):
        return item.first_published_at or item.publish_at or item.created_at

    def item_updateddate(self, item: Article):
        return max(item.updated_at, self.item_pubdate(item))

    def item_author_name(self, item: Article) -> str | None:
        return item.byline or None

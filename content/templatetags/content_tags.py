"""Template tags for content pages and for the product page's links to content.

``{% load content_tags %}`` gives:

* ``value|sanitised``: editor HTML cleaned to the allow-list, then marked safe. The only way
  content templates print editor HTML; never ``|safe``.
* ``value|web_url``: the address if it is http or https, else nothing.
* ``data|json_ld``: a dict as a JSON-LD <script> element nothing inside can break out of.
* ``{% market_claims as claims %}``: the market's claim rules, its disclaimer among them.
* ``{% related_content product %}``: the product page's "Related reading", worded for the
  market's claim rules (``content.claims``).
* ``{% product_rows page as rows %}``: a condition page's products, each as its card and its
  usage note.

The catalogue's own tags (product cards, a product's sizes, its JSON-LD) are in
``catalogue_tags``.
"""

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from content.claims import current_claims
from content.sanitise import sanitise_html
from content.selectors import ProductRow, ReadingLink, product_related_content
from content.selectors import product_rows as rows_of
from content.structured_data import web_url
from store.json_ld import json_ld_script

register = template.Library()


@register.filter(is_safe=True)
def sanitised(value) -> SafeString:
    """Return editor HTML cleaned to the allow-list and marked safe to print."""
    return mark_safe(sanitise_html(str(value or "")))  # noqa: S308  (cleaned just above)


@register.filter(name="web_url")
def web_url_filter(value) -> str:
    """Return ``value`` if it is an http or https address, else an empty string."""
    return web_url(str(value or ""))


@register.filter
def json_ld(data: dict) -> SafeString:
    """Return ``data`` as a JSON-LD <script> element."""
    return json_ld_script(data)


@register.simple_tag(takes_context=True)
def product_rows(context, page) -> list[ProductRow]:
    """Return the products condition ``page`` shows, each as its card and its usage note."""
    return rows_of(page.shown_product_links, context.get("request"))


@register.simple_tag
def market_claims():
    """Return the claim rules of the configured market (``content.claims``)."""
    return current_claims()


def condition_name(title: str) -> str:
    """Return a condition page's title as it reads mid-sentence: "Migraine" → "migraine".

    A first word with another capital ("PMS") or an apostrophe ("Raynaud's", a person's
    name) is left as it is.
    """
    first_word = title.split(" ", 1)[0]
    if first_word[1:] != first_word[1:].lower() or "'" in first_word or "\u2019" in first_word:
        return title
    return title[:1].lower() + title[1:]


def neutral_page_links(pages) -> list[ReadingLink]:
    """Return a link to each of the condition ``pages`` that names no condition.

    The text is the page's neutral title, or "Magnesium research summary" when editors gave
    none. A text that repeats is numbered, "Magnesium research summary (2)", so every link
    reads differently.
    """
    links, seen = [], {}
    for page in pages:
        text = page.neutral_title.strip() or _("Magnesium research summary")
        seen[text] = seen.get(text, 0) + 1
        if seen[text] > 1:
            text = _("%(text)s (%(number)d)") % {"text": text, "number": seen[text]}
        links.append(ReadingLink(text, page.url))
    return links


def reading_links(related) -> list[ReadingLink]:
    """Return the links a product page shows for ``related``, naming no condition.

    Every condition page that shows the product is linked by its neutral title
    (:func:`neutral_page_links`), then the articles by their titles.
    """
    return [*neutral_page_links(related.condition_pages), *related.articles]


@register.inclusion_tag("content/partials/product_related_content.html")
def related_content(product) -> dict:
    """Render the product page's "Related reading": live content that links ``product``."""
    return {"links": reading_links(product_related_content(product))}

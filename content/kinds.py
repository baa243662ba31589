"""Kinds of content: one description per kind of page, and the registry that holds them.

A kind names its model, its dashboard addresses and form, how its citations are linked, the
public template a preview wraps, and what it adds to publishing. The dashboard's pages and
permissions, previews and the publishing service all ask the registry, so a new kind of page
is its model (with a ``publish_<model>`` permission) and one ``register`` call.

The site's own kinds, articles, condition pages and shop pages, are in ``content.page_kinds``;
the content app registers them when it is ready.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.forms import ModelForm


def no_extra_problems(page: models.Model) -> list[str]:
    """Add nothing to the rules every page must meet before it is published."""
    return []


def as_saved(page: models.Model, *, at: datetime) -> models.Model:
    """Return ``page`` as stored, with nothing more fetched for its public template."""
    return type(page)._default_manager.get(pk=page.pk)


def no_initial_values(user) -> dict:
    """Start a new page's form empty."""
    return {}


@dataclass(frozen=True)
class ContentKind:
    """Everything the site needs to know to edit, preview and publish one kind of page."""

    #: Names the kind's dashboard URLs, e.g. ``condition`` in ``content-condition-list``.
    slug: str
    #: The kind's address in the dashboard's content section, e.g. ``conditions``.
    path: str
    #: The model, a ``content.models.Publishable``.
    model: type[models.Model]
    #: The dashboard's form for the page's own fields.
    form_class: type[ModelForm]
    #: The public page's template, which a preview renders the page in.
    public_template: str
    #: What the public template calls the page, e.g. ``article``.
    public_name: str
    #: The model linking a page to its citations in order, or None when the kind cites nothing.
    citation_link: type[models.Model] | None = None
    #: The citation link's field that names the page.
    citation_owner: str = ""
    #: Whether pages of the kind show products (``ConditionProduct`` rows, ``product_links``).
    links_products: bool = False
    #: What keeps a page of the kind from being published, besides the rules every page meets.
    extra_publish_problems: Callable[[models.Model], list[str]] = no_extra_problems
    #: Load a page with what its public template shows, judged live at ``at``.
    load_public: Callable[..., models.Model] = as_saved
    #: The values a new page's form starts with, for the user writing it.
    initial_values: Callable[..., dict] = no_initial_values
    #: The fields readers see as plain text, and those holding HTML: what the claims check reads.
    text_fields: tuple[str, ...] = ("title", "summary", "seo_title", "meta_description")
    html_fields: tuple[str, ...] = ("body",)

    def __post_init__(self) -> None:
        if (self.citation_link is None) != (not self.citation_owner):
            raise ValueError("Name both the citation link model and its owner field, or neither.")

    @property
    def cites_sources(self) -> bool:
        return self.citation_link is not None

    def permission(self, action: str) -> str:
        """Return the permission to ``action`` (view, add, change, publish...) pages of the kind."""
        meta = self.model._meta
        return f"{meta.app_label}.{action}_{meta.model_name}"

    def url_name(self, verb: str) -> str:
        """Return the dashboard URL name (without namespace) of the kind's page ``verb``."""
        return f"content-{self.slug}-{verb}"

    def citation_links(self, page: models.Model) -> models.QuerySet:
        """Return the links from ``page`` to its citations, in order."""
        if self.citation_link is None:
            raise ValueError(f"Pages of the kind {self.slug!r} cite no sources.")
        return self.citation_link.objects.filter(**{self.citation_owner: page}).order_by(
            "position", "pk"
        )


_registry: dict[str, ContentKind] = {}


def register(kind: ContentKind) -> ContentKind:
    """Add ``kind`` to the registry; refuse one whose slug, path or model is taken."""
    for known in _registry.values():
        if kind.slug == known.slug or kind.path == known.path or kind.model is known.model:
            raise ValueError(f"The content kind {kind.slug!r} clashes with {known.slug!r}.")
    _registry[kind.slug] = kind
    return kind


def unregister(kind: ContentKind) -> None:
    """Take ``kind`` out of the registry."""
    if _registry.get(kind.slug) is not kind:
        raise LookupError(f"The content kind {kind.slug!r} is not registered.")
    del _registry[kind.slug]


def kinds() -> tuple[ContentKind, ...]:
    """Return the registered kinds, in the order they were registered."""
    return tuple(_registry.values())


def kind_for(model_or_page: type[models.Model] | models.Model) -> ContentKind:
    """Return the kind of a model or of a page; raise LookupError when none is registered."""
    model = model_or_page if isinstance(model_or_page, type) else type(model_or_page)
    for kind in _registry.values():
        if kind.model is model:
            return kind
    raise LookupError(f"No content kind is registered for {model.__name__}.")

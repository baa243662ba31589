"""factory_boy factories for articles, condition pages, shop pages and citations."""

import datetime

import factory
from django.utils import timezone

from content.models import (
    Article,
    ArticleCitation,
    Citation,
    ConditionCitation,
    ConditionPage,
    ConditionProduct,
    ShopPage,
    Status,
)
from content.shop_pages import ShopPageSlot
from tests.factories import UserFactory, migrated_group


class CitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Citation
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"author-{2000 + n}")
    authors = "Thomas J, Millot JM, Sebille S"
    year = 2000
    title = "Free and total magnesium in lymphocytes of migraine patients"
    journal = "Clinica Chimica Acta"
    pmid = "10767394"


class PublishedTraits(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    class Params:
        published = factory.Trait(
            status=Status.PUBLISHED,
            publish_at=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1)),
            first_published_at=factory.SelfAttribute("publish_at"),
            last_published_at=factory.SelfAttribute("publish_at"),
        )


class ArticleFactory(PublishedTraits):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Magnesium and pain, part {n}")
    slug = factory.Sequence(lambda n: f"magnesium-and-pain-{n}")
    summary = "How magnesium is thought to calm nerves and muscles."
    body = "<p>Magnesium takes part in hundreds of reactions in the body.</p>"

    @factory.post_generation
    def citations(self, create, extracted, **kwargs):
        for position, citation in enumerate(extracted or [], start=1):
            ArticleCitation.objects.create(article=self, citation=citation, position=position)


class ConditionPageFactory(PublishedTraits):
    """A condition page that meets the publishing rules: a citation, a reviewer, a date."""

    class Meta:
        model = ConditionPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Condition {n}")
    slug = factory.Sequence(lambda n: f"condition-{n}")
    summary = "What studies have looked at, and how people use magnesium for it."
    body = "<p>Studies have measured magnesium levels in people with this condition.</p>"
    mechanism = "<p>Magnesium damps the NMDA receptor.</p>"
    reviewed_by = "A. Reviewer, MPharm"
    reviewed_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=7))

    @factory.post_generation
    def citations(self, create, extracted, **kwargs):
        citations = [CitationFactory()] if extracted is None else extracted
        for position, citation in enumerate(citations, start=1):
            ConditionCitation.objects.create(page=self, citation=citation, position=position)

    @factory.post_generation
    def products(self, create, extracted, **kwargs):
        for position, product in enumerate(extracted or [], start=1):
            ConditionProduct.objects.create(
                page=self, product=product, position=position, usage_note="Soak for twenty minutes."
            )


class ShopPageFactory(PublishedTraits):
    """The delivery page, unless given another slot."""

    class Meta:
        model = ShopPage

    slug = ShopPageSlot.DELIVERY
    title = factory.LazyAttribute(lambda page: str(ShopPageSlot(page.slug).label))
    summary = "What you need to know before you order."
    body = "<p>We pack orders on working days.</p>"


def editor_user(**kwargs):
    """Make a user in the Editors group (made by the content migration)."""
    user = UserFactory(**kwargs)
    user.groups.add(migrated_group("Editors"))
    return user


def content_writer_user(**kwargs):
    """Make a user with the Editors group's permissions except publishing."""
    user = UserFactory(**kwargs)
    user.user_permissions.set(
        migrated_group("Editors").permissions.exclude(codename__startswith="publish_")
    )
    return user

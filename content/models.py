"""Articles, condition pages and shop pages, with the citations and products they link to."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.fields import SanitisedHTMLField
from content.shop_pages import ShopPageSlot
from content.validators import image_upload_path, validate_doi, validate_image, validate_pmid


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")


class PublishableQuerySet(models.QuerySet):
    def live(self, *, at=None):
        """Return what readers may see at ``at`` (default now): published, live, not expired."""
        at = at or timezone.now()
        return self.filter(
            Q(publish_at__isnull=True) | Q(publish_at__lte=at),
            Q(expire_at__isnull=True) | Q(expire_at__gt=at),
            status=Status.PUBLISHED,
        )


class Publishable(models.Model):
    """Fields and rules shared by everything editors write and publish."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("One or two sentences, shown in lists.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    publish_at = models.DateTimeField(
        _("go live at"),
        null=True,
        blank=True,
        help_text=_("Empty means as soon as it is published."),
    )
    expire_at = models.DateTimeField(
        _("expire at"), null=True, blank=True, help_text=_("Empty means it never expires.")
    )
    first_published_at = models.DateTimeField(_("first published"), null=True, editable=False)
    last_published_at = models.DateTimeField(_("last published"), null=True, editable=False)
    seo_title = models.CharField(
        _("title for search engines"),
        max_length=70,
        blank=True,
        help_text=_("Empty means the title."),
    )
    meta_description = models.CharField(
        _("meta description"),
        max_length=160,
        blank=True,
        help_text=_("Empty means the summary, shortened."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(expire_at__isnull=True)
                | Q(publish_at__isnull=True)
                | Q(expire_at__gt=models.F("publish_at")),
                name="%(app_label)s_%(class)s_expires_after_going_live",
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.publish_at and self.expire_at and self.expire_at <= self.publish_at:
            raise ValidationError({"expire_at": _("The expiry must come after the go-live time.")})

    def is_live(self, *, at=None) -> bool:
        """Return whether readers may see this at ``at`` (now by default)."""
        at = at or timezone.now()
        return (
            self.status == Status.PUBLISHED
            and (self.publish_at is None or self.publish_at <= at)
            and (self.expire_at is None or self.expire_at > at)
        )

    def is_scheduled(self) -> bool:
        """Return whether this is published but waiting for its go-live time."""
        return self.status == Status.PUBLISHED and bool(
            self.publish_at and self.publish_at > timezone.now()
        )

    @property
    def page_title(self) -> str:
        return self.seo_title or self.title

    @property
    def page_description(self) -> str:
        if self.meta_description:
            return self.meta_description
        summary = " ".join(self.summary.split())
        return summary if len(summary) <= 160 else summary[:157].rsplit(" ", 1)[0] + "…"


class Citation(models.Model):
    """A published source that a page relies on, shown in its numbered reference list."""

    key = models.SlugField(
        _("key"), max_length=80, unique=True, help_text=_("A short handle, e.g. thomas-2000.")
    )
    authors = models.CharField(_("authors"), max_length=300, help_text=_("e.g. Thomas J, et al."))
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1800), MaxValueValidator(2100)]
    )
    title = models.CharField(_("title"), max_length=500)
    journal = models.CharField(_("journal"), max_length=300, blank=True)
    doi = models.CharField(_("DOI"), max_length=200, blank=True, validators=[validate_doi])
    pmid = models.CharField(_("PubMed ID"), max_length=12, blank=True, validators=[validate_pmid])
    url = models.URLField(_("URL"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["authors", "year"]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        constraints = [
            models.CheckConstraint(
                condition=Q(year__gte=1800, year__lte=2100), name="content_citation_year_plausible"
            )
        ]

    def __str__(self):
        return f"{self.short_authors} ({self.year})"

    @property
    def short_authors(self) -> str:
        """Return the first author's surname, with "et al." when there are more."""
        first = self.authors.split(",")[0].strip()
        surname = first.split()[0] if first else ""
        more = "," in self.authors or "et al" in self.authors
        return f"{surname} et al." if more and "et al" not in surname else surname

    @property
    def link(self) -> str:
        """Return the best address of the source: its DOI, its PubMed entry, or its URL."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        return self.url


class Article(Publishable):
    """A blog article; its condition sections become condition pages."""

    body = SanitisedHTMLField(_("body"))
    byline = models.CharField(_("byline"), max_length=120, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    hero_image = models.ImageField(
        _("picture"), upload_to=image_upload_path, blank=True, validators=[validate_image]
    )
    hero_image_alt = models.CharField(
        _("picture description (alt text)"),
        max_length=200,
        blank=True,
        help_text=_("What the picture shows, for people who cannot see it."),
    )
    citations = models.ManyToManyField(
        Citation, through="ArticleCitation", related_name="articles", blank=True
    )

    class Meta(Publishable.Meta):
        ordering = ["-first_published_at", "-created_at"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [
            ("publish_article", _("Can publish and unpublish articles")),
            (
                "override_claims_article",
                _("Can publish articles the claims check objects to, giving a reason"),
            ),
        ]

    def get_absolute_url(self):
        return reverse("content:article-detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.hero_image and not self.hero_image_alt.strip():
            raise ValidationError(
                {"hero_image_alt": _("Describe the picture for people who cannot see it.")}
            )


class ConditionPage(Publishable):
    """What the evidence says about magnesium for one condition, and the products that fit."""

    body = SanitisedHTMLField(_("body"))
    mechanism = SanitisedHTMLField(
        _("how magnesium is thought to act"),
        blank=True,
        help_text=_("The proposed mechanism, in plain words."),
    )
    reviewed_by = models.CharField(
        _("reviewed by"),
        max_length=200,
        blank=True,
        help_text=_("Name and qualification of whoever checked the page against its sources."),
    )
    reviewed_on = models.DateField(_("review date"), null=True, blank=True)
    neutral_title = models.CharField(
        _("neutral link text"),
        max_length=120,
        blank=True,
        help_text=_(
            "How product pages link to this page where claims rules forbid naming the "
            "condition, e.g. 'Magnesium and the nervous system'. Empty: 'Magnesium research "
            "summary'."
        ),
    )
    source_article = models.ForeignKey(
        Article,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="condition_pages",
        verbose_name=_("source article"),
    )
    position = models.PositiveSmallIntegerField(_("position in lists"), default=0)
    citations = models.ManyToManyField(
        Citation, through="ConditionCitation", related_name="condition_pages", blank=True
    )
    products = models.ManyToManyField(
        "catalogue.Product", through="ConditionProduct", related_name="condition_pages", blank=True
    )

    class Meta(Publishable.Meta):
        ordering = ["position", "title"]
        verbose_name = _("condition page")
        verbose_name_plural = _("condition pages")
        permissions = [
            ("publish_conditionpage", _("Can publish and unpublish condition pages")),
            (
                "override_claims_conditionpage",
                _("Can publish condition pages the claims check objects to, giving a reason"),
            ),
        ]

    def get_absolute_url(self):
        return reverse("content:condition-detail", kwargs={"slug": self.slug})


class ShopPage(Publishable):
    """One of the pages every shop owes its customers, at the address its slot names."""

    slug = models.SlugField(_("page"), max_length=200, unique=True, choices=ShopPageSlot.choices)
    body = SanitisedHTMLField(_("body"))

    class Meta(Publishable.Meta):
        ordering = ["slug"]
        verbose_name = _("shop page")
        verbose_name_plural = _("shop pages")
        permissions = [
            ("publish_shoppage", _("Can publish and unpublish shop pages")),
            ("override_claims_shoppage", _("Can publish shop pages past the claims check")),
        ]

    def get_absolute_url(self):
        return reverse("content:shop-page", kwargs={"slug": self.slug})


class ArticleCitation(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="citation_links")
    citation = models.ForeignKey(Citation, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "citation"], name="content_article_cites_once"
            )
        ]

    def __str__(self):
        return f"{self.article} cites {self.citation}"


class ConditionCitation(models.Model):
    page = models.ForeignKey(ConditionPage, on_delete=models.CASCADE, related_name="citation_links")
    citation = models.ForeignKey(Citation, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "citation"], name="content_condition_cites_once"
            )
        ]

    def __str__(self):
        return f"{self.page} cites {self.citation}"


class ConditionProduct(models.Model):
    """A product shown on a condition page, in order, with how it is used for that condition."""

    page = models.ForeignKey(ConditionPage, on_delete=models.CASCADE, related_name="product_links")
    product = models.ForeignKey(
        "catalogue.Product", on_delete=models.CASCADE, related_name="condition_links"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    usage_note = models.CharField(
        _("how it is used"),
        max_length=200,
        help_text=_("e.g. Two cups in a warm bath, twenty minutes, in the evening."),
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("linked product")
        verbose_name_plural = _("linked products")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "product"], name="content_condition_product_once"
            )
        ]

    def __str__(self):
        return f"{self.page} → {self.product}"

    def clean(self):
        super().clean()
        if self.product_id and self.product.is_child:
            raise ValidationError({"product": _("Link the product itself, not one of its sizes.")})


class Revision(models.Model):
    """A snapshot of a page taken on every save: who, when, what, and why."""

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        EDITED = "edited", _("Edited")
        IMPORTED = "imported", _("Imported")
        SUBMITTED = "submitted", _("Submitted for review")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")
        RESTORED = "restored", _("Restored")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    action = models.CharField(_("what"), max_length=20, choices=Action.choices)
    note = models.TextField(
        _("note"), blank=True, help_text=_("Why, when the action needed a reason.")
    )
    snapshot = models.JSONField(_("snapshot"))

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        indexes = [models.Index(fields=["content_type", "object_id", "-created_at"])]

    def __str__(self):
        return f"{self.get_action_display()} {self.created_at:%Y-%m-%d %H:%M}"

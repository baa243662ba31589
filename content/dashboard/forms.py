"""Forms of the content section: pages with their ordered citations and products, and more."""

from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from content.dashboard import selectors
from content.kinds import ContentKind
from content.models import Article, Citation, ConditionPage, Publishable, ShopPage, Status
from content.services import ProductLink

MAX_IMPORT_BYTES = 1024 * 1024
IMPORT_EXTENSIONS = {".txt", ".html", ".htm"}
CITATION_ROWS_EXTRA = 3
PRODUCT_ROWS_EXTRA = 3


class DateTimeInput(forms.DateTimeInput):
    """The browser's own date and time picker: no script needed."""

    input_type = "datetime-local"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class DateInput(forms.DateInput):
    """The browser's own date picker: no script needed."""

    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


def rich_text() -> forms.Textarea:
    """Return a text area that Oscar's dashboard turns into its editor when scripts run."""
    return forms.Textarea(attrs={"class": "wysiwyg", "rows": 12})


class PageFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any status")), *Status.choices], required=False
    )
    query = forms.CharField(label=_("Title or slug contains"), required=False, max_length=200)

    def filters(self) -> dict:
        """Return the filters to pass to ``selectors.page_list``: none when the form is invalid."""
        if not self.is_valid():
            return {}
        return {"status": self.cleaned_data["status"], "query": self.cleaned_data["query"]}


class CitationForm(forms.ModelForm):
    """A citation; an address typed without a scheme is read as https."""

    url = forms.URLField(label=_("URL"), max_length=500, required=False, assume_scheme="https")

    class Meta:
        model = Citation
        fields = ["key", "authors", "year", "title", "journal", "doi", "pmid", "url"]


class CitationFilterForm(forms.Form):
    query = forms.CharField(label=_("Author, title, key or year"), required=False, max_length=200)

    def filters(self) -> dict:
        """Return the filters to pass to ``selectors.citation_list``."""
        return {"query": self.cleaned_data["query"]} if self.is_valid() else {}


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "summary",
            "byline",
            "author",
            "body",
            "hero_image",
            "hero_image_alt",
            "expire_at",
            "seo_title",
            "meta_description",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": rich_text(),
            "expire_at": DateTimeInput(),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["author"].queryset = selectors.author_choices()
        self.fields["author"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )


class ConditionPageForm(forms.ModelForm):
    class Meta:
        model = ConditionPage
        fields = [
            "title",
            "neutral_title",
            "slug",
            "summary",
            "body",
            "mechanism",
            "reviewed_by",
            "reviewed_on",
            "source_article",
            "position",
            "expire_at",
            "seo_title",
            "meta_description",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": rich_text(),
            "mechanism": rich_text(),
            "reviewed_on": DateInput(),
            "expire_at": DateTimeInput(),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["source_article"].queryset = Article.objects.order_by("title", "pk")


class ShopPageForm(forms.ModelForm):
    """A shop page's words; the facts beside them come from the settings and the database."""

    class Meta:
        model = ShopPage
        fields = ["title", "slug", "summary", "body", "expire_at", "seo_title", "meta_description"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": rich_text(),
            "expire_at": DateTimeInput(),
        }
        help_texts = {
            "slug": _(
                "Which of the shop's pages this is; it gives the page its address and the "
                "footer's link. The trader's details, the delivery methods and the cancellation "
                "form are shown beside the text, kept up to date by the shop: leave them out."
            ),
        }


class CitationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Citation) -> str:
        return f"{obj} — {obj.title}"


class ProductChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.title


class CitationRowForm(forms.Form):
    citation = CitationChoiceField(
        label=_("Citation"), queryset=Citation.objects.all(), required=False
    )
    position = forms.IntegerField(label=_("Order"), min_value=1, required=False)


class ProductRowForm(forms.Form):
    product = ProductChoiceField(
        label=_("Product"), queryset=selectors.linkable_products(), required=False
    )
    usage_note = forms.CharField(
        label=_("How it is used"),
        max_length=200,
        required=False,
        help_text=_("e.g. Two cups in a warm bath, twenty minutes, in the evening."),
    )
    position = forms.IntegerField(label=_("Order"), min_value=1, required=False)

    def clean(self) -> dict:
        """Ask for a usage note with every product, and a product for every usage note."""
        cleaned = super().clean()
        if cleaned.get("product") and not cleaned.get("usage_note", "").strip():
            self.add_error("usage_note", _("Say how the product is used for this condition."))
        if cleaned.get("usage_note", "").strip() and not cleaned.get("product"):
            self.add_error("product", _("Choose the product this note is about."))
        return cleaned


class OrderedRowsFormSet(forms.BaseFormSet):
    """Rows that each pick one thing, ordered by their order numbers, then as listed."""

    key: str
    duplicate_message: str

    def chosen_rows(self) -> list[dict]:
        """Return the cleaned rows that pick something and are not removed, in order."""
        rows = [
            (form.cleaned_data.get("position") or index, index, form.cleaned_data)
            for index, form in enumerate(self.forms, start=1)
            if form.cleaned_data.get(self.key) and not self._should_delete_form(form)
        ]
        return [data for _position, _index, data in sorted(rows, key=lambda row: row[:2])]

    def clean(self) -> None:
        """Refuse the same thing picked twice."""
        chosen = [
            form.cleaned_data.get(self.key)
            for form in self.forms
            if form.cleaned_data.get(self.key) and not self._should_delete_form(form)
        ]
        if len(chosen) != len(set(chosen)):
            raise ValidationError(self.duplicate_message)


class BaseCitationFormSet(OrderedRowsFormSet):
    key = "citation"
    duplicate_message = _("Each source can be cited once per page.")

    def ordered(self) -> list[Citation]:
        """Return the chosen citations in order."""
        return [row["citation"] for row in self.chosen_rows()]


class BaseProductFormSet(OrderedRowsFormSet):
    key = "product"
    duplicate_message = _("Each product can be linked once per page.")

    def ordered(self) -> list[ProductLink]:
        """Return the chosen products and their usage notes in order."""
        return [
            ProductLink(product_id=row["product"].pk, usage_note=row["usage_note"].strip())
            for row in self.chosen_rows()
        ]


CitationFormSet = forms.formset_factory(
    CitationRowForm,
    formset=BaseCitationFormSet,
    extra=CITATION_ROWS_EXTRA,
    can_delete=True,
)
ProductFormSet = forms.formset_factory(
    ProductRowForm,
    formset=BaseProductFormSet,
    extra=PRODUCT_ROWS_EXTRA,
    can_delete=True,
)


class PageEditor:
    """A page's form with, as its kind has them, its ordered citations and linked products."""

    def __init__(
        self,
        kind: ContentKind,
        *,
        page: Publishable,
        data: dict | None = None,
        files: dict | None = None,
        initial: dict | None = None,
    ) -> None:
        self.form = kind.form_class(data, files, instance=page, initial=initial)
        self.citations = None
        if kind.cites_sources:
            self.citations = CitationFormSet(
                data, prefix="citations", initial=selectors.citation_rows(kind, page)
            )
        self.products = None
        if kind.links_products:
            self.products = ProductFormSet(
                data, prefix="products", initial=selectors.product_rows(page)
            )

    @property
    def formsets(self) -> list[forms.BaseFormSet]:
        return [formset for formset in (self.citations, self.products) if formset is not None]

    def is_valid(self) -> bool:
        """Validate the form and every formset, so each shows its own errors."""
        results = [self.form.is_valid(), *(formset.is_valid() for formset in self.formsets)]
        return all(results)

    def save_arguments(self) -> dict:
        """Return what ``content.services.page_save`` needs, apart from the user."""
        return {
            "page": self.form.instance,
            "citations": self.citations.ordered() if self.citations is not None else None,
            "products": self.products.ordered() if self.products is not None else None,
        }

    def add_refusal(self, error: ValidationError) -> None:
        """Show a refusal from the publishing service by the fields it names, or at the top."""
        if not hasattr(error, "error_dict"):
            self.form.add_error(None, error.messages)
            return
        for field, errors in error.error_dict.items():
            self.form.add_error(field if field in self.form.fields else None, errors)


class PublishForm(forms.Form):
    at = forms.DateTimeField(
        label=_("Go live at"),
        required=False,
        widget=DateTimeInput(),
        help_text=_("Leave empty to publish now."),
    )

    def __init__(self, *args, override: bool = False, **kwargs) -> None:
        """Add the reason box when the claims check objects and the user may override it."""
        super().__init__(*args, **kwargs)
        if override:
            self.fields["claims_override_reason"] = forms.CharField(
                label=_("Publish past the claims check because"),
                required=False,
                max_length=1000,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_(
                    "Only if you answer for the shop's compliance: the reason is kept in the "
                    "page's history. Leave it empty to reword the page instead."
                ),
            )


class ArticleImportForm(forms.Form):
    file = forms.FileField(
        label=_("Exported article"),
        help_text=_("A .txt or .html file of at most 1 MB, in UTF-8."),
    )

    def clean_file(self):
        """Accept a small .txt or .html file that reads as UTF-8; keep its text as ``source``."""
        upload = self.cleaned_data["file"]
        if PurePath(upload.name).suffix.lower() not in IMPORT_EXTENSIONS:
            raise ValidationError(_("Upload a .txt or .html file."))
        if upload.size > MAX_IMPORT_BYTES:
            raise ValidationError(_("The file is larger than 1 MB."))
        try:
            self.cleaned_data["source"] = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValidationError(
                _("The file is not UTF-8 text: save it as UTF-8 and upload it again.")
            ) from error
        return upload

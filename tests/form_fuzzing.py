"""Send every form of a page hostile values, the way a careless or malicious visitor would.

A form is read from the real HTML (WebTest), and each one gets a bounded set of submissions to
its own action with its own method and its CSRF token kept, so the view code runs for real:
every field a NUL byte, every field 100 kB long, every field missing, every field sent twice,
and then the page's own values with a few fields swapped for wrong types, absurd numbers and
choices the form never offered. The answers are collected, not asserted, so one run lists every
form that failed.
"""

import traceback
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from django.db.models import Count
from oscar.core.loading import get_model
from webtest.forms import Checkbox, File, Radio, Select, Submit

CSRF_FIELD = "csrfmiddlewaretoken"
NUL = "magnesium\x00flakes"
HUGE = "x" * 100_000
#: Wrong types and absurd numbers; each field of a form gets the next one along.
WRONG_VALUES = [
    "abc",
    "1e309",
    "NaN",
    "-1",
    "99999999999999999999",
    "-99999999999999999999",
    "Infinity",
    "0x1F",
    "",
    "not a choice",
    "2024-02-30",
    "../../etc/passwd",
]
#: A formset's management fields: a huge form count makes Django build up to 1,000 extra forms
#: (slow, but refused, never a 500), so the partial rounds leave them as the page set them.
MANAGEMENT_FIELDS = ("-TOTAL_FORMS", "-INITIAL_FORMS", "-MIN_NUM_FORMS", "-MAX_NUM_FORMS")
#: How many submissions keep the page's values and spoil only some of the fields.
PARTIAL_ROUNDS = 4

Order = get_model("order", "Order")
OrderLine = get_model("order", "Line")
BasketLine = get_model("basket", "Line")
StockRecord = get_model("partner", "StockRecord")
Product = get_model("catalogue", "Product")
ProductReview = get_model("reviews", "ProductReview")
UserAddress = get_model("address", "UserAddress")
Voucher = get_model("voucher", "Voucher")
ConditionalOffer = get_model("offer", "ConditionalOffer")


@dataclass
class Submission:
    """One hostile submission of one form, and what the shop answered."""

    page: str
    form: str
    method: str
    action: str
    label: str
    params: list
    status: int | None = None
    error: str = ""

    def describe(self) -> str:
        """Return a one-line account of the submission for a failure message."""
        spoiled = sorted({name for name, value in self.params if name != CSRF_FIELD})
        return (
            f"{self.method} {self.action} (form {self.form} on {self.page}), {self.label},"
            f" fields {spoiled}: {self.status or 'exception'} {self.error}"
        )


@dataclass
class FuzzRun:
    """What a run visited and sent, and what went wrong."""

    pages: int = 0
    forms: int = 0
    requests: int = 0
    server_errors: list = field(default_factory=list)
    half_written: list = field(default_factory=list)


def shop_state() -> dict:
    """Return the rows a refused form must leave alone: counts, and every stock record's levels."""
    return {
        "orders": Order.objects.count(),
        "order lines": OrderLine.objects.count(),
        "basket lines": BasketLine.objects.count(),
        "basket quantities": sorted(BasketLine.objects.values_list("id", "quantity")),
        "stock": sorted(
            StockRecord.objects.values_list("id", "num_in_stock", "num_allocated", "price")
        ),
        "products": Product.objects.count(),
        "reviews": sorted(ProductReview.objects.values_list("id", "status", "title")),
        "addresses": UserAddress.objects.count(),
        "vouchers": Voucher.objects.count(),
        "offers": ConditionalOffer.objects.count(),
        "content": content_rows(),
    }


def content_rows() -> tuple:
    """Return how many articles, condition pages and citations there are."""
    from content.models import Article, Citation, ConditionPage

    return (Article.objects.count(), ConditionPage.objects.count(), Citation.objects.count())


def orders_without_lines() -> list:
    """Return the numbers of orders that were written without a single line."""
    orders = Order.objects.annotate(line_count=Count("lines")).filter(line_count=0)
    return list(orders.values_list("number", flat=True))


def form_label(form) -> str:
    """Return the form's id or name, to say which form of a page failed."""
    return form.id or form.html.get("name") or "(unnamed)"


def form_signature(form, page_path: str) -> tuple:
    """Return what makes two forms the same form: where they go, how, and their fields."""
    return (
        form.method.upper(),
        action_path(form, page_path),
        tuple(sorted(n for n in form.fields if n)),
    )


def action_path(form, page_path: str) -> str:
    """Return the path the form is sent to, resolved against the page it is on."""
    return urlsplit(urljoin(page_path, form.action or "")).path


def page_values(form, button=None) -> list:
    """Return the (name, value) pairs the form sends as the page filled it in."""
    pairs = []
    for name, fields in form.fields.items():
        for widget in fields if name else []:
            if isinstance(widget, (Submit, File)):
                continue
            if isinstance(widget, Checkbox) and not widget.checked:
                continue
            if widget.value is None:
                continue
            pairs.append((name, widget.value))
    if button is not None:
        pairs.append((button.name, button.value_if_submitted()))
    return pairs


def spoiled_value(widget, index: int) -> str:
    """Return a wrong value for ``widget``: a choice it never offered, or a wrong type."""
    if isinstance(widget, (Select, Radio)) and index % 2 == 0:
        return "not-a-choice-99999"
    return WRONG_VALUES[index % len(WRONG_VALUES)]


def hostile_params(form) -> list[tuple[str, list]]:
    """Return the bounded list of (label, params) hostile submissions for ``form``."""
    buttons = [
        widget for name, widget in form.field_order if name and isinstance(widget, Submit)
    ] or [None]
    token = [(CSRF_FIELD, form[CSRF_FIELD].value)] if CSRF_FIELD in form.fields else []
    names = [name for name in form.fields if name and name != CSRF_FIELD]
    widgets = {name: form.fields[name][0] for name in names}
    editable = [name for name in names if not isinstance(widgets[name], Submit)]
    spoilable = [name for name in editable if not name.endswith(MANAGEMENT_FIELDS)]

    def button(round_number):
        return buttons[round_number % len(buttons)]

    def extra(round_number):
        chosen = button(round_number)
        return [] if chosen is None else [(chosen.name, chosen.value_if_submitted())]

    submissions = [
        ("every field a NUL byte", [*token, *((n, NUL) for n in editable), *extra(0)]),
        ("every field 100 kB", [*token, *((n, HUGE) for n in editable), *extra(1)]),
        ("every field missing", [*token, *extra(2)]),
    ]
    twice = [pair for pair in page_values(form, button(3)) if pair[0] != CSRF_FIELD]
    doubled = [*token, *twice, *((name, "-1") for name, _value in twice)]
    submissions.append(("every field sent twice", doubled))
    for round_number in range(PARTIAL_ROUNDS):
        spoiled = {
            name: spoiled_value(widgets[name], position + round_number)
            for position, name in enumerate(spoilable)
            if position % PARTIAL_ROUNDS == round_number
        }
        if not spoiled and round_number:
            continue
        kept = [
            (name, value)
            for name, value in page_values(form, button(round_number))
            if name not in spoiled
        ]
        label = "page values with " + ", ".join(f"{n}={v[:20]!r}" for n, v in spoiled.items())
        submissions.append((label, [*kept, *spoiled.items()]))
    return submissions


def submit(app, form, params: list) -> int:
    """Send ``params`` to the form's action with its method; return the status code.

    A redirect is followed once, as a browser would, so the page it leads to is checked too and
    the messages it shows do not pile up in the session.
    """
    method = form.method.lower()
    extra = {
        "expect_errors": True,
        "extra_environ": {"HTTP_REFERER": str(form.response.request.url)},
    }
    if method != "get":
        extra["content_type"] = form.enctype
    answer = form.response.goto(form.action, method=method, params=params, **extra)
    if 300 <= answer.status_code < 400 and urlsplit(answer.location).netloc in ("", "testserver"):
        landing = answer.follow(expect_errors=True)
        if landing.status_code >= 500:
            return landing.status_code
    return answer.status_code


def fuzz_pages(app, paths: list[str], run: FuzzRun, seen: set) -> None:
    """Visit ``paths`` and send every form found there (once per signature) its hostile values.

    A refused submission (anything but a redirect) must leave the shop as it was; a redirect
    means the form was accepted, and what it wrote becomes the new state to compare against.
    """
    for path in paths:
        page = app.get(path, expect_errors=True)
        run.pages += 1
        for form in page.forms.values():
            signature = form_signature(form, page.request.path)
            if signature in seen:
                continue
            seen.add(signature)
            run.forms += 1
            for label, params in hostile_params(form):
                send(app, form, label, params, run, path)


def place(frame) -> str:
    return f"{frame.filename.split('/site-packages/')[-1]}:{frame.lineno}"


def send(app, form, label: str, params: list, run: FuzzRun, path: str) -> None:
    submission = Submission(
        page=path,
        form=form_label(form),
        method=form.method.upper(),
        action=action_path(form, path),
        label=label,
        params=params,
    )
    before = shop_state()
    run.requests += 1
    try:
        submission.status = submit(app, form, params)
    except Exception as error:  # every exception a view lets through is a finding
        frames = traceback.extract_tb(error.__traceback__)
        submission.error = f"{repr(error)[:200]} raised at {place(frames[-1])}"
        own = [frame for frame in frames if "/lib/python" not in frame.filename]
        if own:
            submission.error += f", from {place(own[-1])}"
        run.server_errors.append(submission)
        return
    if submission.status >= 500:
        run.server_errors.append(submission)
    elif not 300 <= submission.status < 400:
        after = shop_state()
        changed = [key for key in before if before[key] != after[key]]
        if changed:
            submission.error = f"changed {changed} although refused"
            run.half_written.append(submission)

"""Whatever is posted to the review forms, the answer is the form with its errors, never a 500.

Each submission starts from the real form page (its CSRF token and cookie) and then sends what a
browser would not: bad scores, control characters, huge texts, fields sent twice. Nothing is
written.
"""

import pytest
from oscar.core.loading import get_model

from tests.factories import UserFactory, shop_staff_user, sized_product
from tests.review_factories import ProductReviewFactory, review_form_url

pytestmark = pytest.mark.django_db

ProductReview = get_model("reviews", "ProductReview")

TITLE = "Silky water after a long walk"
BODY = "Two handfuls in a warm bath: the water feels silky and my skin soft."
RATING_ERROR = "Choose a rating from 1 to 5 stars."
CONTROL_ERROR = "This contains a control character (U+0000) that cannot be shown."
REQUIRED = "This field is required."
SENT_TWICE = "This field was sent more than once."
#: The fields of the dashboard's review form.
DASHBOARD_FIELDS = ("title", "body", "score", "status")


def fields(**changes):
    """Return a valid review's fields as (name, value) pairs, with ``changes``; None drops one."""
    values = {"title": TITLE, "score": "4", "body": BODY} | changes
    return [(name, value) for name, value in values.items() if value is not None]


#: What is sent, and the error the form must show for it.
HOSTILE = {
    "a score and an empty body": (fields(body=""), REQUIRED),
    "a body of spaces and line breaks": (fields(body="  \n\t \r\n "), REQUIRED),
    "a title of spaces": (fields(title="   "), REQUIRED),
    "a title of symbols only": (fields(title="!!! ???"), "Write a few words"),
    "a NUL byte in the title": (fields(title="Silky\x00water"), CONTROL_ERROR),
    "a NUL byte in the body": (fields(body="Silky\x00water"), CONTROL_ERROR),
    "an escape character in the body": (fields(body="Silky \x1b[31mwater"), "(U+001B)"),
    "a right-to-left override in the title": (fields(title="Silky \u202ewater"), "(U+202E)"),
    "a score of abc": (fields(score="abc"), RATING_ERROR),
    "a score of 0": (fields(score="0"), RATING_ERROR),
    "a score of 6": (fields(score="6"), RATING_ERROR),
    "a score of 3.5": (fields(score="3.5"), RATING_ERROR),
    "a score of -1": (fields(score="-1"), RATING_ERROR),
    "an empty score": (fields(score=""), RATING_ERROR),
    "no score": (fields(score=None), RATING_ERROR),
    "a 100 kB body": (fields(body="magnesium " * 10_240), "at most 3000 characters"),
    "a 300-character title": (fields(title="Silky " * 50), "at most 120 characters"),
    "the title twice": ([*fields(), ("title", "Another title")], SENT_TWICE),
    "the score twice": ([*fields(), ("score", "5")], SENT_TWICE),
    "the body twice": ([*fields(), ("body", "Another body")], SENT_TWICE),
}


@pytest.fixture
def product():
    return sized_product(title="Zechstein bath flakes", sizes=2)


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_review_is_shown_again_with_its_error_and_nothing_is_saved(
    django_app, product, case
):
    sent, error = HOSTILE[case]
    shopper = UserFactory()
    form_page = django_app.get(review_form_url(product), user=shopper)
    token = form_page.forms["add_review_form"]["csrfmiddlewaretoken"].value

    answer = django_app.post(
        review_form_url(product),
        [("csrfmiddlewaretoken", token), *sent],
        user=shopper,
        expect_errors=True,
    )

    assert answer.status_code == 200
    assert error in answer.text
    assert "add_review_form" in answer.forms
    assert not ProductReview.objects.exists()
    product.refresh_from_db()
    assert product.rating is None


def test_a_refused_score_is_not_shown_as_chosen(django_app, product):
    shopper = UserFactory()
    form = django_app.get(review_form_url(product), user=shopper).forms["add_review_form"]
    form["title"] = TITLE
    form["body"] = ""
    form["score"] = "5"

    again = form.submit()

    assert again.forms["add_review_form"]["score"].value == "5"
    assert REQUIRED in again.text


@pytest.fixture
def waiting_review(product):
    return ProductReviewFactory(product=product, title=TITLE)


@pytest.mark.parametrize(
    ("status", "error"),
    [
        ("abc", "Choose approved or rejected."),
        ("7", "Choose approved or rejected."),
        ("0", "Choose approved or rejected."),
        ("", REQUIRED),
        (None, REQUIRED),
    ],
)
def test_staff_sending_a_bad_status_for_the_chosen_reviews_get_the_list_back_with_why(
    django_app, waiting_review, status, error
):
    staff = shop_staff_user()
    listing = django_app.get("/dashboard/reviews/", user=staff)
    token = listing.forms["update_reviews_form"]["csrfmiddlewaretoken"].value
    sent = [
        ("csrfmiddlewaretoken", token),
        ("action", "update_selected_review_status"),
        ("selected_review", str(waiting_review.pk)),
    ]
    if status is not None:
        sent.append(("status", status))

    answer = django_app.post("/dashboard/reviews/", sent, user=staff, status=400)

    assert error in answer.text
    assert "update_reviews_form" in answer.forms
    waiting_review.refresh_from_db()
    assert waiting_review.status == ProductReview.FOR_MODERATION


@pytest.mark.parametrize("chosen", ["abc", "1.5", "-1", "", "99999999999999999999", "\u0663"])
def test_staff_sending_a_choice_that_is_no_review_get_the_list_back_and_nothing_changes(
    django_app, waiting_review, chosen
):
    staff = shop_staff_user()
    listing = django_app.get("/dashboard/reviews/", user=staff)
    token = listing.forms["update_reviews_form"]["csrfmiddlewaretoken"].value
    sent = [
        ("csrfmiddlewaretoken", token),
        ("action", "update_selected_review_status"),
        ("status", str(ProductReview.APPROVED)),
        ("selected_review", chosen),
    ]

    answer = django_app.post("/dashboard/reviews/", sent, user=staff).follow()

    assert "You need to select some reviews" in answer.text
    waiting_review.refresh_from_db()
    assert waiting_review.status == ProductReview.FOR_MODERATION


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("title", "Silky\x00water", CONTROL_ERROR),
        ("body", "", REQUIRED),
        ("body", "magnesium " * 10_240, "at most 3000 characters"),
        ("score", "9", "Select a valid choice."),
        ("status", "9", "Select a valid choice."),
    ],
)
def test_staff_editing_a_review_with_bad_values_get_the_form_back_and_nothing_changes(
    django_app, waiting_review, field, value, error
):
    staff = shop_staff_user()
    edit = django_app.get(f"/dashboard/reviews/{waiting_review.pk}/", user=staff)
    form = edit.forms["create_update_review_form"]
    sent = [(name, form[name].value) for name in ("csrfmiddlewaretoken", *DASHBOARD_FIELDS)]
    sent = [(name, value if name == field else current) for name, current in sent]

    answer = django_app.post(f"/dashboard/reviews/{waiting_review.pk}/", sent, user=staff)

    assert answer.status_code == 200
    assert error in answer.text
    unchanged = ProductReview.objects.get(pk=waiting_review.pk)
    assert (unchanged.title, unchanged.body, unchanged.score, unchanged.status) == (
        waiting_review.title,
        waiting_review.body,
        waiting_review.score,
        waiting_review.status,
    )

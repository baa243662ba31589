"""Shoppers review products on the real forms, and staff moderate the reviews in the dashboard.

A review waits for staff before anyone sees it; only signed-in shoppers write one; a review that
makes a health claim waits for staff even when the shop publishes reviews straight away.
"""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from oscar.core.loading import get_model

from tests.content_factories import editor_user
from tests.factories import UserFactory, shop_staff_user, sized_product
from tests.review_factories import ProductReviewFactory, review_form_url

pytestmark = pytest.mark.django_db

ProductReview = get_model("reviews", "ProductReview")

TITLE = "Silky water after a long walk"
BODY = "Two handfuls in a warm bath: the water feels silky and my skin soft."
CLAIM = "Cured my migraine, better than my medicine"
PASSWORD = "correct horse battery"


@pytest.fixture
def product():
    return sized_product(title="Zechstein bath flakes", sizes=2)


def open_review_form(app, product, shopper):
    """From the product page, follow "Write a review": the page with the review form."""
    product_page = app.get(product.get_absolute_url(), user=shopper)
    return product_page.click(description="Write a review", index=0)


def send_review(form_page, *, title=TITLE, body=BODY, score="4"):
    """Fill in the review form the way a shopper does and send it; return the answer."""
    form = form_page.forms["add_review_form"]
    form["title"] = title
    form["score"] = score
    form["body"] = body
    return form.submit()


def as_a_guest(product):
    """Return the product page as a visitor who is not signed in sees it."""
    return Client().get(product.get_absolute_url()).content.decode()


def test_a_shopper_scores_with_labelled_radio_buttons_and_the_review_waits_for_moderation(
    django_app, product
):
    shopper = UserFactory()

    form_page = open_review_form(django_app, product, shopper)
    rating = form_page.html.find("fieldset", class_="review-score")
    assert rating.legend.get_text(strip=True) == "Your rating"
    radios = rating.find_all("input", type="radio")
    assert [radio["value"] for radio in radios] == ["1", "2", "3", "4", "5"]
    labels = [rating.find("label", attrs={"for": radio["id"]}).get_text() for radio in radios]
    assert labels == [
        "1 star: poor",
        "2 stars: fair",
        "3 stars: good",
        "4 stars: very good",
        "5 stars: excellent",
    ]

    product_page = send_review(form_page).follow()

    review = ProductReview.objects.get()
    assert (review.user, review.score, review.title) == (shopper, 4, TITLE)
    assert review.status == ProductReview.FOR_MODERATION
    assert "Thank you for your review. It is waiting for moderation" in product_page.text
    assert f"Your review “{TITLE}” is waiting for moderation" in product_page.text
    assert not product_page.html.select(".review-list")
    assert TITLE not in as_a_guest(product)
    assert "This product does not have any reviews yet." in as_a_guest(product)
    assert Client().get(f"{product.get_absolute_url()}reviews/{review.pk}/").status_code == 404
    assert TITLE not in Client().get(f"{product.get_absolute_url()}reviews/").content.decode()


def test_staff_approve_a_waiting_review_from_the_list_and_it_is_shown(django_app, product):
    ProductReviewFactory(product=product, title=TITLE, body=BODY, score=4)
    staff = shop_staff_user()

    listing = django_app.get("/dashboard/reviews/", user=staff)
    form = listing.forms["update_reviews_form"]
    form["selected_review"] = True
    form["status"] = str(ProductReview.APPROVED)
    done = form.submit().follow()

    assert "1 review is now “Approved”." in done.text
    assert ProductReview.objects.get().status == ProductReview.APPROVED
    guest_page = as_a_guest(product)
    assert TITLE in guest_page
    assert BODY in guest_page
    product.refresh_from_db()
    assert product.rating == 4.0


def test_staff_reject_a_review_on_its_own_page_and_it_stays_hidden(django_app, product):
    review = ProductReviewFactory(product=product, title=CLAIM, approved=True)
    assert CLAIM in as_a_guest(product)
    staff = shop_staff_user()

    edit = django_app.get("/dashboard/reviews/", user=staff).click(description=CLAIM, index=0)
    findings = edit.html.select_one("#claim_findings").get_text(" ", strip=True)
    assert "This review makes a health claim." in findings
    assert "“Cured my migraine”" in findings
    assert "CAP Code rule" in findings
    form = edit.forms["create_update_review_form"]
    form["status"] = str(ProductReview.REJECTED)
    form.submit().follow()

    review.refresh_from_db()
    assert review.status == ProductReview.REJECTED
    assert CLAIM not in as_a_guest(product)
    product.refresh_from_db()
    assert product.rating is None


def test_a_waiting_review_shows_as_waiting_on_its_dashboard_page(django_app, product):
    review = ProductReviewFactory(product=product)

    edit = django_app.get(f"/dashboard/reviews/{review.pk}/", user=shop_staff_user())

    assert edit.forms["create_update_review_form"]["status"].value == str(
        ProductReview.FOR_MODERATION
    )


def test_a_guest_is_offered_a_sign_in_link_and_lands_on_the_review_form(django_app, product):
    product_page = django_app.get(product.get_absolute_url())
    assert "add_review_form" not in product_page.text

    sign_in = product_page.click(description="Sign in to write a review", index=0)
    assert sign_in.request.path == "/accounts/login/"
    shopper = UserFactory()
    form = sign_in.forms["login_form"]
    form["login-username"] = shopper.email
    form["login-password"] = PASSWORD
    form_page = form.submit("login_submit").follow()

    assert form_page.request.path == review_form_url(product)
    assert "add_review_form" in form_page.forms


def test_a_guest_cannot_post_a_review(product):
    guest = Client()

    answer = guest.post(review_form_url(product), {"title": TITLE, "score": "5", "body": BODY})

    assert answer.status_code == 302
    assert answer["Location"].startswith("/accounts/login/?next=")
    assert not ProductReview.objects.exists()


def test_a_shopper_who_has_reviewed_is_not_offered_a_second_review(django_app, product):
    shopper = UserFactory()
    ProductReviewFactory(product=product, user=shopper, approved=True)

    product_page = django_app.get(product.get_absolute_url(), user=shopper)
    again = django_app.get(review_form_url(product), user=shopper).follow()

    assert "Write a review" not in product_page.text
    assert "You have already reviewed this product!" in again.text
    assert ProductReview.objects.count() == 1


def test_without_moderation_a_plain_review_is_shown_at_once_but_a_health_claim_waits(
    django_app, product, settings
):
    settings.OSCAR_MODERATE_REVIEWS = False

    plain = send_review(open_review_form(django_app, product, UserFactory())).follow()
    claim = send_review(
        open_review_form(django_app, product, UserFactory()),
        title="Better than my medicine",
        body="It cured my migraine in one evening.",
    ).follow()

    assert "Thank you for reviewing this product." in plain.text
    assert "It is waiting for moderation" in claim.text
    statuses = dict(ProductReview.objects.values_list("title", "status"))
    assert statuses == {
        TITLE: ProductReview.APPROVED,
        "Better than my medicine": ProductReview.FOR_MODERATION,
    }
    guest_page = as_a_guest(product)
    assert TITLE in guest_page
    assert "Better than my medicine" not in guest_page


def test_nobody_votes_on_a_review_that_is_not_shown(django_app, product):
    review = ProductReviewFactory(product=product)
    voter = UserFactory()
    profile = django_app.get("/accounts/profile/", user=voter)
    token = profile.forms["account_logout_form"]["csrfmiddlewaretoken"].value

    answer = django_app.post(
        f"{product.get_absolute_url()}reviews/{review.pk}/vote/",
        {"csrfmiddlewaretoken": token, "delta": "1"},
        user=voter,
        status=404,
    )

    assert answer.status_code == 404
    assert not review.votes.exists()


def test_staff_who_may_only_view_reviews_cannot_change_their_status(django_app, product):
    review = ProductReviewFactory(product=product)
    viewer = UserFactory(staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_productreview"))

    listing = django_app.get("/dashboard/reviews/", user=viewer)
    form = listing.forms["update_reviews_form"]
    form["selected_review"] = True
    form["status"] = str(ProductReview.APPROVED)
    form.submit(status=403)

    review.refresh_from_db()
    assert review.status == ProductReview.FOR_MODERATION


def test_editors_do_not_reach_the_reviews_dashboard(django_app, product):
    review = ProductReviewFactory(product=product)
    editor = editor_user()

    for path in ("/dashboard/reviews/", f"/dashboard/reviews/{review.pk}/"):
        django_app.get(path, user=editor, status=403)

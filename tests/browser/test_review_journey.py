"""A shopper reviews a product and staff approve it, in real Chromium, JavaScript off and on.

The shopper is sent from the product page to sign in and back to the review form, chooses the
score with a radio button by its label, and is told the review waits for moderation. A member
of staff approves it from the dashboard's review list; then the product page shows it.
"""

import re

import pytest
from oscar.core.loading import get_model

from store.reviews.services import review_moderate
from tests.browser.shopper import Shopper
from tests.factories import UserFactory, shop_staff_user, sized_product
from tests.review_factories import ProductReviewFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.journey("reviews")]

ProductReview = get_model("reviews", "ProductReview")

PASSWORD = "correct horse battery"
TITLE = "Silky water after a long walk"
SIGN_IN = re.compile(r"/accounts/login/\?next=.+/reviews/add/$")
BODY = "Two handfuls in a warm bath: the water feels silky and my skin soft."


def messages(page):
    """Return the text of the messages the shop shows after an action."""
    return " ".join(page.locator(".alert").all_inner_texts())


def test_a_shopper_signs_in_to_review_and_chooses_the_score_by_radio_button(
    page, javascript, check_accessibility, screenshot
):
    product = sized_product(title="Zechstein bath flakes", sizes=2)
    product_url = product.get_absolute_url()
    shopper = Shopper(page, javascript)
    account = UserFactory()

    shopper.open(product_url)
    reviews = page.get_by_role("region", name="Customer reviews")
    shopper.follow("Sign in to write a review", then=SIGN_IN, within=reviews)
    form = page.locator("#login_form")
    form.get_by_label("Email address").fill(account.email)
    form.get_by_label("Password").fill(PASSWORD)
    shopper.press("Sign in", then="**/reviews/add/", within=form)

    page.get_by_label("Title").fill(TITLE)
    page.get_by_role("group", name="Your rating").get_by_label("4 stars: very good").check()
    page.get_by_label("Your review").fill(BODY)
    check_accessibility("the review form")
    screenshot("review-form")
    shopper.press("Send review", then=f"**{product_url}#reviews")

    assert "It is waiting for moderation" in messages(page)
    review = ProductReview.objects.get()
    assert (review.user_id, review.score, review.status) == (
        account.pk,
        4,
        ProductReview.FOR_MODERATION,
    )
    assert page.locator(".review-list").count() == 0

    review_moderate(review=review, status=ProductReview.APPROVED)
    shopper.open(product_url)
    shown = page.locator(".review-list article.review")
    assert shown.count() == 1
    assert TITLE in shown.inner_text()
    check_accessibility("a product page with a review")
    screenshot("product-with-review")


def test_staff_approve_a_review_from_the_dashboard_list(page, javascript, screenshot):
    product = sized_product(title="Zechstein bath flakes", sizes=2)
    ProductReviewFactory(product=product, title=TITLE, body=BODY)
    staff_member = shop_staff_user()
    staff = Shopper(page, javascript)

    staff.open("/dashboard/login/")
    page.get_by_label("Username").fill(staff_member.username)
    page.get_by_label("Password").fill(PASSWORD)
    staff.press("Login", then="**/dashboard/")
    staff.open("/dashboard/reviews/")
    screenshot("dashboard-reviews")

    page.get_by_label(f"Choose “{TITLE}”").check()
    page.get_by_label("Set the chosen reviews to").select_option(label="Approved")
    staff.press("Update", then="**/dashboard/reviews/")

    assert "1 review is now “Approved”." in messages(page)
    assert ProductReview.objects.get().status == ProductReview.APPROVED
    staff.open(product.get_absolute_url())
    assert TITLE in page.locator(".review-list").inner_text()

"""The editors' weekly reminder of the condition pages due for review."""

from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse

from content.selectors import condition_pages_due_for_review
from store.storefront.site import absolute_url

#: Whoever may change condition pages is asked to review them.
REVIEWER_PERMISSION = "content.change_conditionpage"


def reviewers() -> QuerySet:
    """Return the active accounts with an email address that may change condition pages,
    through their own permissions or a group's (superusers are not asked for that alone)."""
    return (
        get_user_model()
        .objects.with_perm(
            REVIEWER_PERMISSION,
            include_superusers=False,
            backend="django.contrib.auth.backends.ModelBackend",
        )
        .filter(is_active=True)
        .exclude(email="")
        .order_by("pk")
    )


def editors_remind_of_due_reviews(*, today: date) -> int:
    """Email each reviewer the list of live condition pages due for review, with a link to edit
    each one; return how many emails were sent (none when no page is due)."""
    pages = [
        {
            "title": page.title,
            "reviewed_on": page.reviewed_on,
            "reviewed_by": page.reviewed_by,
            "edit_url": absolute_url(
                reverse("dashboard:content-condition-update", kwargs={"pk": page.pk})
            ),
        }
        for page in condition_pages_due_for_review(today=today)
    ]
    if not pages:
        return 0
    context = {
        "pages": pages,
        "every_days": settings.CONTENT_REVIEW_EVERY_DAYS,
        "shop_name": settings.OSCAR_SHOP_NAME,
    }
    subject = render_to_string("content/emails/review_reminder_subject.txt", context).strip()
    body = render_to_string("content/emails/review_reminder_body.txt", context)
    sent = 0
    for reviewer in reviewers():
        sent += send_mail(subject, body, None, [reviewer.email])
    return sent

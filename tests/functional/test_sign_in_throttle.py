"""Guessing passwords is throttled on every sign-in page, and no page tells which accounts exist.

Five wrong passwords for one account from one address lock that account out for that address
(django-axes, with the attempts kept in the database); the lock-out is a 429 page in the shop's
style. Staff lift it with ``axes_reset_username``, and it lifts itself after the cool-off.
"""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core.management import call_command
from django.test import RequestFactory

from store.security.auth_backends import EmailBackend
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"
LOCKED_OUT = 429
ATTACKER = {"REMOTE_ADDR": "203.0.113.7"}
ELSEWHERE = {"REMOTE_ADDR": "198.51.100.23"}


@dataclass(frozen=True)
class SignInPage:
    path: str
    form_id: str
    field_prefix: str
    signed_in_path: str
    submit_name: str | None = None


SIGN_IN_PAGES = {
    "shop": SignInPage(
        "/accounts/login/", "login_form", "login-", "/accounts/profile/", "login_submit"
    ),
    "dashboard": SignInPage("/dashboard/login/", "dashboard_login_form", "", "/dashboard/"),
    "admin": SignInPage("/admin/login/", "login-form", "", "/admin/"),
}


@pytest.fixture(params=list(SIGN_IN_PAGES), ids=list(SIGN_IN_PAGES))
def sign_in_page(request) -> SignInPage:
    return SIGN_IN_PAGES[request.param]


@pytest.fixture
def superuser():
    return UserFactory(
        email="owner@magnesium-shop.example", is_staff=True, is_superuser=True, password=PASSWORD
    )


def sign_in(app, page: SignInPage, *, login: str, password: str, environ: dict):
    """Submit the page's real sign-in form from ``environ``'s address; return the answer."""
    form = app.get(page.path, extra_environ=dict(environ)).forms[page.form_id]
    form[f"{page.field_prefix}username"] = login
    form[f"{page.field_prefix}password"] = password
    return form.submit(page.submit_name, extra_environ=dict(environ), status="*")


def guess_wrong(app, page: SignInPage, *, login: str, times: int, environ: dict = ATTACKER):
    """Sign in with a wrong password ``times`` times; return the answers."""
    return [
        sign_in(app, page, login=login, password=f"guess {attempt}", environ=environ)
        for attempt in range(times)
    ]


def is_signed_in(app, page: SignInPage, environ: dict) -> bool:
    answer = app.get(page.signed_in_path, extra_environ=dict(environ), status="*")
    return answer.status_code == 200


def test_four_wrong_passwords_are_answered_with_the_form_again(django_app, sign_in_page, superuser):
    answers = guess_wrong(django_app, sign_in_page, login=superuser.email, times=4)

    assert [answer.status_code for answer in answers] == [200] * 4
    assert all(sign_in_page.form_id in answer.forms for answer in answers)


def test_fifth_wrong_password_locks_the_account_out_for_that_address(
    django_app, sign_in_page, superuser
):
    *_, fifth = guess_wrong(django_app, sign_in_page, login=superuser.email, times=5)

    assert fifth.status_code == LOCKED_OUT
    assert "Too many sign-in attempts" in fifth.text
    assert "try again in 15 minutes" in fifth.text


def test_right_password_is_refused_while_locked_out(django_app, sign_in_page, superuser):
    guess_wrong(django_app, sign_in_page, login=superuser.email, times=5)

    answer = sign_in(
        django_app, sign_in_page, login=superuser.email, password=PASSWORD, environ=ATTACKER
    )

    assert answer.status_code == LOCKED_OUT
    assert not is_signed_in(django_app, sign_in_page, ATTACKER)


def test_owner_signs_in_from_another_address_while_an_attacker_is_locked_out(
    django_app, sign_in_page, superuser
):
    guess_wrong(django_app, sign_in_page, login=superuser.email, times=5)

    answer = sign_in(
        django_app, sign_in_page, login=superuser.email, password=PASSWORD, environ=ELSEWHERE
    )

    assert answer.status_code == 302
    assert is_signed_in(django_app, sign_in_page, ELSEWHERE)


def test_changing_the_case_of_the_address_does_not_earn_more_guesses(django_app, superuser):
    page = SIGN_IN_PAGES["shop"]
    spellings = [
        "owner@magnesium-shop.example",
        "Owner@Magnesium-Shop.example",
        "OWNER@MAGNESIUM-SHOP.EXAMPLE",
        "owner@MAGNESIUM-shop.example",
        "Owner@magnesium-shop.EXAMPLE",
    ]

    answers = [
        sign_in(django_app, page, login=spelling, password="wrong", environ=ATTACKER)
        for spelling in spellings
    ]

    assert answers[-1].status_code == LOCKED_OUT
    assert AccessAttempt.objects.get().username == "owner@magnesium-shop.example"


def test_lock_out_page_keeps_to_the_content_security_policy(django_app, superuser):
    *_, locked_out = guess_wrong(django_app, SIGN_IN_PAGES["shop"], login=superuser.email, times=5)

    assert locked_out.status_code == LOCKED_OUT
    assert "script-src 'self'" in locked_out.headers["Content-Security-Policy"]
    assert not [script for script in locked_out.html.find_all("script") if not script.get("src")]
    assert not locked_out.html.find_all(style=True)
    assert not locked_out.html.find_all("style")


def test_staff_unlock_an_account_with_axes_reset_username(django_app, sign_in_page, superuser):
    guess_wrong(django_app, sign_in_page, login=superuser.email, times=5)

    call_command("axes_reset_username", superuser.email)
    answer = sign_in(
        django_app, sign_in_page, login=superuser.email, password=PASSWORD, environ=ATTACKER
    )

    assert answer.status_code == 302
    assert is_signed_in(django_app, sign_in_page, ATTACKER)


def test_lock_out_lifts_itself_after_the_cool_off(django_app, superuser):
    page = SIGN_IN_PAGES["shop"]
    guess_wrong(django_app, page, login=superuser.email, times=5)

    cool_off_ago = AccessAttempt.objects.get().attempt_time - settings.AXES_COOLOFF_TIME
    AccessAttempt.objects.update(attempt_time=cool_off_ago - timedelta(seconds=1))
    answer = sign_in(django_app, page, login=superuser.email, password=PASSWORD, environ=ATTACKER)

    assert answer.status_code == 302


def test_failures_are_counted_in_the_database_not_the_cache(django_app, superuser):
    guess_wrong(django_app, SIGN_IN_PAGES["dashboard"], login=superuser.email, times=3)

    attempt = AccessAttempt.objects.get()
    assert (attempt.username, attempt.ip_address) == (superuser.email, ATTACKER["REMOTE_ADDR"])
    assert attempt.failures_since_start == 3


def test_signing_in_forgets_earlier_wrong_passwords(django_app, superuser):
    page = SIGN_IN_PAGES["shop"]
    guess_wrong(django_app, page, login=superuser.email, times=4)

    sign_in(django_app, page, login=superuser.email, password=PASSWORD, environ=ATTACKER)

    assert not AccessAttempt.objects.exists()


def test_a_new_shopper_registers_and_is_signed_in(django_app):
    form = django_app.get("/accounts/login/").forms["register_form"]
    form["registration-email"] = "new.shopper@example.com"
    form["registration-password1"] = PASSWORD
    form["registration-password2"] = PASSWORD

    answer = form.submit("registration_submit")

    assert answer.status_code == 302
    assert django_app.get("/accounts/profile/").status_code == 200


class CountingHasher(MD5PasswordHasher):
    """A real (fast) hasher that counts how many passwords it has hashed."""

    hashed = 0

    def encode(self, password, salt):
        type(self).hashed += 1
        return super().encode(password, salt)


def hashes_while(action) -> int:
    """Return how many passwords ``action()`` made the hasher hash."""
    CountingHasher.hashed = 0
    action()
    return CountingHasher.hashed


@pytest.fixture
def counting_hasher(settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]


def sign_in_request():
    return RequestFactory().post("/accounts/login/", REMOTE_ADDR="192.0.2.10")


def test_email_backend_hashes_the_password_for_an_address_nobody_has(counting_hasher):
    UserFactory(email="shopper@example.com")

    known = hashes_while(
        lambda: EmailBackend().authenticate(
            sign_in_request(), username="shopper@example.com", password="wrong"
        )
    )
    unknown = hashes_while(
        lambda: EmailBackend().authenticate(
            sign_in_request(), username="nobody@example.com", password="wrong"
        )
    )

    assert known == unknown == 1


def test_signing_in_hashes_as_often_for_an_unknown_address_as_for_a_known_one(counting_hasher):
    UserFactory(email="shopper@example.com")

    known = hashes_while(
        lambda: authenticate(sign_in_request(), username="shopper@example.com", password="wrong")
    )
    unknown = hashes_while(
        lambda: authenticate(sign_in_request(), username="nobody@example.com", password="wrong")
    )

    assert known == unknown

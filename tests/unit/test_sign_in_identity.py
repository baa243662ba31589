"""Sign-in throttling counts one account however its address is typed, and one client however
many proxies stand in front of the shop."""

from django.http import QueryDict
from django.test import RequestFactory

from store.security.lockout import client_address, sign_in_name


def test_sign_in_name_is_the_address_trimmed_and_lower_cased():
    request = RequestFactory().get("/")

    assert sign_in_name(request, {"username": " Owner@Shop.Example "}) == "owner@shop.example"
    assert sign_in_name(request, {"email": "OWNER@shop.example"}) == "owner@shop.example"
    assert sign_in_name(request, {"username": None}) is None


def test_sign_in_name_falls_back_to_the_posted_form():
    request = RequestFactory().post("/")
    request.POST = QueryDict("username=Staff@Shop.Example")

    assert sign_in_name(request, None) == "staff@shop.example"


def test_without_trusted_proxies_a_forwarded_header_is_ignored(settings):
    settings.SHOP_TRUSTED_PROXY_COUNT = 0
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1")

    assert client_address(request) == "10.0.0.2"


def test_behind_one_proxy_the_client_is_the_last_forwarded_address(settings):
    settings.SHOP_TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.66, 203.0.113.7"
    )

    assert client_address(request) == "203.0.113.7"


def test_behind_a_proxy_a_request_without_the_header_counts_by_its_connection(settings):
    settings.SHOP_TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2")

    assert client_address(request) == "10.0.0.2"

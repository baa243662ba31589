"""A Redis that is stopped or hung makes the shop slower, never broken.

The shop is configured as it ships with ``REDIS_URL`` set (``store.cache.redis_caches`` and
cached-database sessions), against a redis-server of the test's own that the test stops, or
pauses with SIGSTOP as a hung server would be. Shoppers keep browsing, buying and signing in,
each page within a couple of seconds, and a shopper signed in before the outage stays signed in.
"""

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

import pytest
import redis
from django.core.cache import cache

from store.cache import READ_TIMEOUT, SESSION_ENGINE, redis_caches
from tests.factories import ProductImageFactory, UserFactory, sized_product
from tests.shipped.servers import LOOPBACK, free_port

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"
#: The longest a page may take while Redis is down, in seconds of wall time.
PATIENCE = 2.0
REDIS_SERVER = shutil.which("redis-server")


class RedisServer:
    """A redis-server on a free loopback port, which a test may stop, or pause and resume."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://{LOOPBACK}:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        """Start the server and wait until it answers."""
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--bind", LOOPBACK, "--port", str(self.port), "--save", ""],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_timeout=1)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                assert time.monotonic() < deadline, "redis-server never answered"
                time.sleep(0.02)

    def stop(self) -> None:
        """Stop the server, as a crash or a restart would."""
        self.resume()
        self.process.terminate()
        self.process.wait(timeout=10)

    def pause(self) -> None:
        """Freeze the server: it still accepts connections, but answers nothing."""
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self) -> None:
        """Let a paused server run again."""
        os.kill(self.process.pid, signal.SIGCONT)

    def kept_keys(self) -> list[bytes]:
        """Return every key the server holds."""
        return redis.Redis(port=self.port, socket_timeout=1).keys("*")


@contextmanager
def stopped(server: RedisServer) -> Iterator[None]:
    server.stop()
    yield


@contextmanager
def paused(server: RedisServer) -> Iterator[None]:
    server.pause()
    try:
        yield
    finally:
        server.resume()


OUTAGES = {"stopped": stopped, "paused": paused}


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    if REDIS_SERVER is None:
        pytest.skip("redis-server is not installed (make servers installs it)")
    server = RedisServer()
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()


@pytest.fixture
def shop_on_redis(redis_server, settings) -> RedisServer:
    """Configure the cache, the sessions and the page cache as the shop ships with Redis."""
    settings.CACHES = redis_caches(redis_server.url)
    settings.SESSION_ENGINE = SESSION_ENGINE
    settings.CACHE_IS_SHARED = True
    settings.PAGE_CACHE_SECONDS = 3600
    return redis_server


@pytest.fixture(params=list(OUTAGES))
def outage(request, shop_on_redis) -> Callable[[], AbstractContextManager]:
    """Return a context in which the shop's Redis is stopped, or paused (the test's name says)."""
    return lambda: OUTAGES[request.param](shop_on_redis)


@pytest.fixture
def product():
    """A product in two sizes with a picture, so its pages make several cache calls."""
    parent = sized_product(sizes=2, title="Zechstein magnesium flakes")
    ProductImageFactory(product=parent)
    return parent


@pytest.fixture
def customer():
    return UserFactory(email="ada@example.com", password=PASSWORD)


def timed(step: Callable, record_property, name: str):
    """Run ``step`` (one request), record how long it took, and fail if it took too long."""
    start = time.monotonic()
    answer = step()
    seconds = time.monotonic() - start
    record_property(name, round(seconds, 3))
    assert seconds < PATIENCE, f"{name} took {seconds:.2f} s"
    return answer


def add_to_basket(app, product):
    """Add the product's 2 kg size from its page; return the page the shopper lands on."""
    form = app.get(product.get_absolute_url()).forms["add_to_basket_form"]
    form["child_id"] = str(product.children.get(title="2 kg").pk)
    return form.submit().follow()


def basket_lines(page) -> list[str]:
    """Return the title of each line on the basket page."""
    return [title.text.strip() for title in page.html.select(".basket-lines h2")]


def sign_in(app, email: str):
    form = app.get("/accounts/login/").forms["login_form"]
    form["login-username"] = email
    form["login-password"] = PASSWORD
    return form.submit("login_submit").follow()


def shop_as_a_newcomer(app, product, customer, record_property) -> None:
    """Browse, add to the basket, open it and sign in, each step in good time."""
    assert timed(lambda: app.get("/"), record_property, "home page").status_code == 200
    page = timed(lambda: app.get(product.get_absolute_url()), record_property, "product page")
    assert "Zechstein magnesium flakes" in page.text
    added = timed(lambda: add_to_basket(app, product), record_property, "add to basket")
    assert "added to your basket" in added.text
    basket = timed(lambda: app.get("/basket/"), record_property, "basket page")
    assert basket_lines(basket) == ["2 kg"]
    timed(lambda: sign_in(app, customer.email), record_property, "sign in")
    assert app.get("/accounts/profile/").status_code == 200


def test_with_redis_up_the_shop_keeps_pages_and_sessions_in_it(
    shop_on_redis, django_app, product, customer, record_property
):
    shop_as_a_newcomer(django_app, product, customer, record_property)

    kept = [key.decode() for key in shop_on_redis.kept_keys()]
    for kind in ("page:", "sorl-thumbnail||", "tax:table", "django.contrib.sessions.cached_db"):
        assert any(key.startswith(f"store:1:{kind}") for key in kept), f"no {kind} kept"


def test_a_newcomer_browses_buys_and_signs_in_while_redis_is_down(
    outage, django_app, product, customer, record_property
):
    with outage():
        shop_as_a_newcomer(django_app, product, customer, record_property)


def test_a_shopper_signed_in_before_redis_went_down_stays_signed_in(
    outage, django_app, product, customer, record_property
):
    sign_in(django_app, customer.email)
    add_to_basket(django_app, product)

    with outage():
        profile = timed(
            lambda: django_app.get("/accounts/profile/"), record_property, "signed-in page"
        )
        basket = timed(lambda: django_app.get("/basket/"), record_property, "signed-in basket")

    assert customer.email in profile.text
    assert basket_lines(basket) == ["2 kg"]


def test_after_redis_fails_the_cache_answers_at_once_for_a_while_then_asks_again(
    shop_on_redis, settings, caplog
):
    caches = redis_caches(shop_on_redis.url)
    caches["default"]["OPTIONS"]["REDIS_CLIENT_KWARGS"]["seconds_without_redis"] = 0.5
    settings.CACHES = caches
    cache.set("greeting", "hello")

    with paused(shop_on_redis):
        first = time.monotonic()
        assert cache.get("greeting") is None
        then = time.monotonic()
        assert [cache.get("greeting") for _ in range(100)] == [None] * 100
        after = time.monotonic()

    assert then - first < 2 * READ_TIMEOUT
    assert after - then < READ_TIMEOUT
    assert [record.levelname for record in caplog.records if record.name == "store.cache"] == [
        "WARNING"
    ]
    assert cache.get("greeting") is None  # Redis is back, but not asked again yet
    time.sleep(0.5)
    assert cache.get("greeting") == "hello"


def test_while_redis_is_down_each_caller_gets_a_dict_of_its_own_from_get_many(shop_on_redis):
    with stopped(shop_on_redis):
        answer = cache.get_many(["basket-thumbnail"])
        answer["basket-thumbnail"] = "/media/cache/thumbnail.png"

        assert cache.get_many(["basket-thumbnail"]) == {}

"""The shipped shop's mail goes through its task queue: a mail server that is down costs the
shopper nothing, and what the shop sent meanwhile arrives once the server is back, once."""

import re
import time

import pytest

from tests.browser.shopper import GUEST_EMAIL
from tests.shipped.servers import links_in

pytestmark = pytest.mark.slow

#: How the worker's log reports a refused delivery it will try again.
RETRY_LOGGED = re.compile(r"Email \d+ not delivered, retry in \d+s")


def worker_log(shipped_shop) -> str:
    return (shipped_shop.logs / "worker.log").read_text()


@pytest.mark.journey("shipped-mail-server-down")
def test_an_order_placed_while_the_mail_server_is_down_is_confirmed_once_it_is_back(
    guest, shipped_shop
):
    retries_before = len(RETRY_LOGGED.findall(worker_log(shipped_shop)))
    shipped_shop.mail.stop()
    try:
        number = guest.buy_by_bank_transfer("Magnesium oil spray", "250 ml £11.95")
        assert f"MW-{number}" in guest.text()  # placed, with its bank details
        deadline = time.monotonic() + 20
        while len(RETRY_LOGGED.findall(worker_log(shipped_shop))) < retries_before + 2:
            assert time.monotonic() < deadline, "the worker never retried:\n" + worker_log(
                shipped_shop
            )
            time.sleep(0.5)
        assert shipped_shop.mail.received(to=GUEST_EMAIL, subject_contains=number) == []
    finally:
        shipped_shop.mail.start()

    confirmation = shipped_shop.mail.wait_for(to=GUEST_EMAIL, subject_contains=number, seconds=60)
    status_link = next(link for link in links_in(confirmation) if "/order-status/" in link)
    assert guest.open(status_link).status == 200
    # The longest wait between retries so far is a few seconds: a second copy would be here.
    time.sleep(10)
    assert len(shipped_shop.mail.received(to=GUEST_EMAIL, subject_contains=number)) == 1

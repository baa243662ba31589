"""The shopper's side of Checkout, which happens on Stripe's own pages.

``pay()``, ``pay_later()``, ``settle()`` and ``expire()`` play what the shopper (or time) does to a
session, each posting the matching webhook event when a target is set; the hosted payment page
lets a browser do the same by card. ``ShopperSide`` is one part of ``StripeEmulator`` and works on
the state its constructor sets up.
"""

from __future__ import annotations

import copy
import html

from tests.stripe_emulator.messages import (
    HTML_TYPE,
    CardDeclined,
    LocalstripeError,
    _Incoming,
    _Reply,
)

# An IBAN that localstripe's sepa_debit payments succeed with.
_SEPA_TEST_IBAN = "DE89370400440532013000"


class ShopperSide:
    """Pay, pay later, settle and expire sessions as the shopper and Stripe would."""

    def pay(self, session_id: str, *, card: str = "4242424242424242") -> dict:
        """Pay an open session by card, as the shopper does on Stripe's hosted page.

        Creates a PaymentMethod, a Customer it is attached to and a confirmed PaymentIntent in
        localstripe, then completes the session. A declined card raises ``CardDeclined`` and
        leaves the session open and unpaid: localstripe declines 4000000000000002 (and its other
        "decline on attach" numbers) when the card is saved, and 4000000000000341 when charged.
        """
        session = self._open_session(session_id)
        if session["amount_total"] == 0:
            completed = self._complete(session_id, "no_payment_required", None)
        else:
            completed = self._complete(session_id, "paid", self._charge_card(session_id, card))
        self._deliver("checkout.session.completed", completed)
        return completed

    def pay_later(self, session_id: str) -> dict:
        """Complete an open session with a bank debit that has not settled yet.

        The session becomes complete and unpaid; its PaymentIntent is a sepa_debit one in
        localstripe, left unconfirmed (``requires_confirmation``) until ``settle()``.
        """
        session = self._open_session(session_id)
        if session["amount_total"] == 0:
            completed = self._complete(session_id, "no_payment_required", None)
        else:
            method = self._localstripe_call(
                "POST",
                "/v1/payment_methods",
                {"type": "sepa_debit", "sepa_debit": {"iban": _SEPA_TEST_IBAN}},
            )
            intent = self._create_intent(session_id, method["id"], "sepa_debit", confirm=False)
            completed = self._complete(session_id, "unpaid", intent["id"])
        self._deliver("checkout.session.completed", completed)
        return completed

    def settle(self, session_id: str, *, succeeded: bool) -> dict:
        """Finish the bank debit of a ``pay_later()`` session, successfully or not.

        On success the PaymentIntent is confirmed (and so refundable) and the session becomes
        paid. On failure the PaymentIntent is canceled and the session stays unpaid.
        """
        with self._lock:
            record = self._record(session_id)
            intent_id = record.session["payment_intent"]
            if (
                record.session["status"] != "complete"
                or record.session["payment_status"] != "unpaid"
                or intent_id is None
                or record.payment_failed
            ):
                raise ValueError(f"Checkout Session {session_id} has no delayed payment to settle")
        if succeeded:
            intent = self._localstripe_call("POST", f"/v1/payment_intents/{intent_id}/confirm")
            if intent["status"] != "succeeded":
                raise RuntimeError(f"localstripe left {intent_id} {intent['status']}")
            event_type = "checkout.session.async_payment_succeeded"
        else:
            self._localstripe_call("POST", f"/v1/payment_intents/{intent_id}/cancel")
            event_type = "checkout.session.async_payment_failed"
        with self._lock:
            record = self._record(session_id)
            if succeeded:
                record.session["payment_status"] = "paid"
            else:
                record.payment_failed = True
            settled = copy.deepcopy(record.session)
        self._deliver(event_type, settled)
        return settled

    def expire(self, session_id: str) -> dict:
        """Expire an open session, as Stripe does once ``expires_at`` has passed."""
        with self._lock:
            record = self._record(session_id)
            if record.session["status"] != "open":
                raise ValueError(
                    f"Checkout Session {session_id} is {record.session['status']}, not open"
                )
            expired = self._mark_expired(record)
        self._deliver("checkout.session.expired", expired)
        return expired

    def _hosted_page(self, request: _Incoming) -> _Reply:
        session_id = request.path.removeprefix("/pay/")
        with self._lock:
            record = self._sessions.get(session_id)
            session = copy.deepcopy(record.session) if record else None
            line_items = copy.deepcopy(record.line_items) if record else []
        if session is None:
            return _html_reply(404, "<h1>No such Checkout Session</h1>")
        if request.method == "GET":
            return _html_reply(200, _payment_page(session, line_items))
        if request.method != "POST":
            return _html_reply(405, "<h1>Method not allowed</h1>")
        card = request.params.get("card") or "4242424242424242"
        try:
            self.pay(session_id, card=str(card))
        except CardDeclined as declined:
            return _html_reply(402, _payment_page(session, line_items, notice=str(declined)))
        except ValueError as closed:
            return _html_reply(409, f"<h1>{html.escape(str(closed))}</h1>")
        except LocalstripeError as refused:
            return _html_reply(400, _payment_page(session, line_items, notice=str(refused)))
        location = session["success_url"].replace("{CHECKOUT_SESSION_ID}", session_id)
        return _Reply(303, b"", HTML_TYPE, {"Location": location})


def _html_reply(status: int, content: str) -> _Reply:
    page = (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>Stripe Checkout (emulated)</title></head><body>{content}</body></html>\n"
    )
    return _Reply(status, page.encode(), HTML_TYPE)


def _payment_page(session: dict, line_items: list[dict], notice: str = "") -> str:
    rows = "".join(
        f"<li>{item['quantity']} &times; {html.escape(item['description'])}</li>"
        for item in line_items
    )
    total = f"{session['amount_total'] / 100:.2f} {session['currency'].upper()}"
    parts = [f"<h1>Pay {html.escape(total)}</h1>", f"<ul>{rows}</ul>"]
    if notice:
        parts.append(f"<p role='alert'>{html.escape(notice)}</p>")
    if session["status"] == "open":
        action = html.escape(f"/pay/{session['id']}")
        parts.append(
            f"<form method='post' action='{action}'>"
            "<label>Card number <input name='card' value='4242424242424242'></label>"
            "<button type='submit'>Pay</button></form>"
        )
    else:
        parts.append(f"<p>This Checkout Session is {html.escape(session['status'])}.</p>")
    if session["cancel_url"]:
        parts.append(f"<p><a href='{html.escape(session['cancel_url'])}'>Back to the shop</a></p>")
    return "\n".join(parts)

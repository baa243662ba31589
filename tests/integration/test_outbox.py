"""The outbox: mail is written with the change it reports, delivered after commit, retried
while the mail server fails, and never sent twice."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from store.celery import app as celery_app
from store.mail.delivery import EmailNotDelivered, email_deliver, emails_overdue
from store.mail.models import OutgoingEmail
from store.mail.parts import message_from_parts, message_parts
from store.mail.tasks import deliver_overdue_emails
from tests.factories import UserFactory
from tests.shipped.servers import free_port

pytestmark = pytest.mark.django_db

SMTP = "django.core.mail.backends.smtp.EmailBackend"


@pytest.fixture
def mail_server_down(settings):
    """Point the transport at a loopback port nothing listens on."""
    settings.SHOP_EMAIL_TRANSPORT = SMTP
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 2


def write_email(subject: str = "Your order 100001") -> None:
    send_mail(subject, "Thank you.", "shop@example.com", ["ada@example.com"])


def test_mail_is_delivered_only_once_its_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        write_email()
        assert OutgoingEmail.objects.get().is_waiting
        assert callbacks == [] and mail.outbox == []

    (message,) = mail.outbox
    assert message.subject == "Your order 100001"
    assert OutgoingEmail.objects.get().sent_at is not None


def test_mail_written_by_a_change_that_is_rolled_back_is_never_sent(
    django_capture_on_commit_callbacks,
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        write_email()
        raise RuntimeError("the order could not be placed")

    assert mail.outbox == []
    assert not OutgoingEmail.objects.exists()


def test_a_mail_server_that_is_down_leaves_the_email_waiting_with_the_reason(
    mail_server_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        write_email()  # runs in-process here: no queue, so no retry and no error raised

    email = OutgoingEmail.objects.get()
    assert email.is_waiting
    assert email.attempts == 1
    assert "Connection refused" in email.last_error or "ConnectionRefused" in email.last_error


def test_delivering_an_email_twice_sends_it_once():
    write_email()
    email = OutgoingEmail.objects.get()

    assert email_deliver(email.pk) is True
    assert email_deliver(email.pk) is False
    assert len(mail.outbox) == 1
    email.refresh_from_db()
    assert email.attempts == 1


def test_a_refused_delivery_is_recorded_and_raised_so_the_task_can_retry(mail_server_down):
    write_email()
    email = OutgoingEmail.objects.get()

    with pytest.raises(EmailNotDelivered):
        email_deliver(email.pk)
    with pytest.raises(EmailNotDelivered):
        email_deliver(email.pk)

    email.refresh_from_db()
    assert (email.attempts, email.is_waiting) == (2, True)


def test_overdue_emails_are_those_whose_delivery_seems_lost(settings):
    now = timezone.now()
    minutes = timedelta(minutes=1)

    def email(*, age, tried=None, sent=False):
        return OutgoingEmail.objects.create(
            subject="s",
            recipients=["a@example.com"],
            message={},
            created_at=now - age,
            last_attempt_at=None if tried is None else now - tried,
            attempts=0 if tried is None and not sent else 1,
            sent_at=now if sent else None,
        )

    never_tried = email(age=11 * minutes)
    email(age=5 * minutes)  # its task is still on its way
    long_since_tried = email(age=120 * minutes, tried=41 * minutes)
    email(age=120 * minutes, tried=20 * minutes)  # a retry is still due
    email(age=120 * minutes, tried=60 * minutes, sent=True)
    email(age=4 * 24 * 60 * minutes)  # too old: left for staff

    assert list(emails_overdue(now=now)) == [long_since_tried, never_tried]


def test_overdue_emails_are_queued_again_and_delivered():
    write_email()
    OutgoingEmail.objects.update(created_at=timezone.now() - timedelta(hours=1))

    assert deliver_overdue_emails() == 1
    assert len(mail.outbox) == 1
    assert deliver_overdue_emails() == 0


def test_an_email_comes_back_whole_from_the_outbox():
    message = EmailMultiAlternatives(
        subject="Votre commande n° 100001",
        body="Merci — £9.95",
        from_email="Magnesium Works <shop@example.com>",
        to=["ada@example.com"],
        cc=["bo@example.com"],
        bcc=["audit@example.com"],
        reply_to=["help@example.com"],
        headers={"X-Order": "100001"},
    )
    message.attach_alternative("<p>Merci — £9.95</p>", "text/html")
    message.attach("receipt.pdf", b"%PDF-1.7 \x00\xff", "application/pdf")

    again = message_from_parts(message_parts(message))

    assert again.subject == message.subject and again.body == message.body
    assert again.recipients() == message.recipients()
    assert again.reply_to == ["help@example.com"]
    assert again.extra_headers == {"X-Order": "100001"}
    assert again.alternatives[0][0] == "<p>Merci — £9.95</p>"
    assert again.attachments[0][:2] == ("receipt.pdf", b"%PDF-1.7 \x00\xff")


def test_staff_send_a_waiting_email_again_from_the_admin(
    client, mail_server_down, settings, django_capture_on_commit_callbacks
):
    write_email()
    email = OutgoingEmail.objects.get()
    settings.SHOP_EMAIL_TRANSPORT = "django.core.mail.backends.locmem.EmailBackend"
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:shop_mail_outgoingemail_changelist"),
            {"action": "send_again", "_selected_action": [email.pk]},
            follow=True,
        )

    assert "1 waiting email queued." in response.content.decode()
    assert len(mail.outbox) == 1
    email.refresh_from_db()
    assert not email.is_waiting


@pytest.fixture
def queue_down():
    """Send tasks to a Redis broker on a loopback port nothing listens on, as when Redis stops."""
    conf = celery_app.conf
    saved = conf.task_always_eager, conf.broker_url
    conf.task_always_eager, conf.broker_url = False, f"redis://127.0.0.1:{free_port()}/0"
    yield
    conf.task_always_eager, conf.broker_url = saved


def test_a_queue_that_is_down_leaves_the_email_for_the_sweep_and_the_change_stands(
    queue_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        write_email()  # the queue's error is logged after the commit, not raised

    email = OutgoingEmail.objects.get()
    assert (email.is_waiting, email.attempts) == (True, 0)
    assert mail.outbox == []
    assert list(emails_overdue(now=timezone.now() + timedelta(minutes=11))) == [email]

"""An ``EmailMessage`` taken apart into JSON the outbox can keep, and put back together."""

import base64

from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import EmailMessage


def message_parts(message: EmailMessage) -> dict:
    """Return what it takes to send ``message`` again, as JSON-ready values.

    Attachments given as files (filename, content, type) are kept; MIME parts built by hand
    are refused, since the outbox could not keep them faithfully.
    """
    attachments = []
    for attachment in message.attachments:
        if not isinstance(attachment, tuple):
            raise TypeError("The outbox keeps attachments given as (filename, content, type).")
        filename, content, mimetype = attachment
        data = content.encode() if isinstance(content, str) else bytes(content)
        attachments.append([filename, base64.b64encode(data).decode("ascii"), mimetype])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": attachments,
    }


def message_from_parts(parts: dict) -> EmailMultiAlternatives:
    """Return the message that ``message_parts`` took apart."""
    message = EmailMultiAlternatives(
        subject=parts["subject"],
        body=parts["body"],
        from_email=parts["from_email"],
        to=parts["to"],
        cc=parts["cc"],
        bcc=parts["bcc"],
        reply_to=parts["reply_to"],
        headers=parts["headers"],
    )
    for content, mimetype in parts["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, data, mimetype in parts["attachments"]:
        message.attach(filename, base64.b64decode(data), mimetype)
    return message

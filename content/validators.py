"""Validate what editors upload and cite."""

import uuid
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_SIDE = 6000
MAX_IMAGE_PIXELS = 24_000_000
IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}

validate_doi = RegexValidator(
    r"^10\.\d{4,9}/\S+$", _("Enter a DOI such as 10.1000/xyz123, without https://doi.org/.")
)
validate_pmid = RegexValidator(r"^\d{1,9}$", _("Enter a PubMed ID: digits only."))


def validate_image(file) -> None:
    """Refuse a file that is too big, not a JPEG, PNG or WebP picture, or has too many pixels."""
    if file.size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("The image is larger than %(limit)s MB."), params={"limit": MAX_IMAGE_BYTES // 2**20}
        )
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with Image.open(file) as image:
            image_format, (width, height) = image.format, image.size
            if (
                width > MAX_IMAGE_SIDE
                or height > MAX_IMAGE_SIDE
                or width * height > MAX_IMAGE_PIXELS
            ):
                raise ValidationError(
                    _("The image is %(width)s by %(height)s pixels; the limit is %(side)s a side."),
                    params={"width": width, "height": height, "side": MAX_IMAGE_SIDE},
                )
            image.verify()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ValidationError(_("The file is not a picture this site can read.")) from error
    finally:
        file.seek(position)
    if image_format not in IMAGE_FORMATS:
        raise ValidationError(_("Upload a JPEG, PNG or WebP picture."))


def image_upload_path(instance, filename: str) -> str:
    """Return a server-made file name: the uploader's name is never used."""
    extension = PurePath(filename).suffix.lower().lstrip(".")
    if extension == "jpeg":
        extension = "jpg"
    if extension not in IMAGE_FORMATS.values():
        extension = "bin"
    return f"content/{instance._meta.model_name}/{uuid.uuid4().hex}.{extension}"

"""Uploaded pictures are checked with Pillow and stored under names the server makes."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from content.models import Article
from content.validators import MAX_IMAGE_BYTES, image_upload_path, validate_image


def picture(size=(40, 30), image_format="PNG", name="bath.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, image_format)
    return SimpleUploadedFile(name, buffer.getvalue())


def test_a_small_png_passes():
    validate_image(picture())


def test_a_text_file_renamed_to_png_is_refused():
    with pytest.raises(ValidationError, match="not a picture"):
        validate_image(SimpleUploadedFile("bath.png", b"<script>alert(1)</script>"))


def test_a_picture_in_a_format_the_site_does_not_take_is_refused():
    with pytest.raises(ValidationError, match="JPEG, PNG or WebP"):
        validate_image(picture(image_format="GIF", name="bath.gif"))


def test_a_picture_wider_than_the_limit_is_refused():
    with pytest.raises(ValidationError, match="7000 by 10 pixels"):
        validate_image(picture(size=(7000, 10)))


def test_a_file_larger_than_the_limit_is_refused_before_it_is_opened():
    oversized = SimpleUploadedFile("bath.png", b"0" * (MAX_IMAGE_BYTES + 1))

    with pytest.raises(ValidationError, match="larger than 5 MB"):
        validate_image(oversized)


def test_the_stored_name_is_made_by_the_server_not_taken_from_the_upload():
    path = image_upload_path(Article(), "../../etc/passwd<script>.JPEG")

    assert path.startswith("content/article/")
    assert path.endswith(".jpg")
    assert "passwd" not in path and ".." not in path and "<" not in path


def test_an_article_picture_needs_alt_text():
    article = Article(title="Baths", hero_image="content/article/abc.png", hero_image_alt=" ")

    with pytest.raises(ValidationError) as refusal:
        article.clean()

    assert "hero_image_alt" in refusal.value.message_dict

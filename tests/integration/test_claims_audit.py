"""`manage.py claims_audit` reads every public text against the market's claim rules."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from oscar.core.loading import get_model

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")


@pytest.fixture
def demo():
    """Seed the demo shop and its demo content, as `make run` does."""
    call_command("seed_shop", stdout=StringIO())
    call_command("seed_content", stdout=StringIO())


def audit(*args) -> str:
    out = StringIO()
    call_command("claims_audit", *args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("market", ["uk", "eu", "us", "au"])
def test_the_demo_shop_makes_no_claim_in_any_market(demo, market):
    assert "No findings" in audit("--market", market)


def test_a_product_description_that_claims_a_cure_fails_the_audit_naming_the_product(demo):
    product = Product.objects.filter(is_public=True, parent=None).first()
    product.description = f"{product.description}<p>Soak for twenty minutes: it cures cramp.</p>"
    product.save()
    out = StringIO()

    with pytest.raises(CommandError, match="finding"):
        call_command("claims_audit", "--market", "uk", stdout=out)

    assert f"product {product.pk} ({product.get_title()}): description" in out.getvalue()
    assert "cures cramp" in out.getvalue()

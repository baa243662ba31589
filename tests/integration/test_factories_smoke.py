import pytest

from tests.factories import CategoryFactory, sized_product

pytestmark = pytest.mark.django_db


def test_sized_product_has_a_priced_stock_record_for_every_size():
    product = sized_product(sizes=3, category=CategoryFactory())

    sizes = list(product.children.all())
    assert len(sizes) == 3
    assert all(size.stockrecords.get().price > 0 for size in sizes)
    assert product.categories.count() == 1

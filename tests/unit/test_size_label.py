from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")


def sized(title: str, parent_title: str = "Zechstein bath flakes"):
    parent = Product(title=parent_title, structure=Product.PARENT)
    return Product(title=title, structure=Product.CHILD, parent=parent)


def test_a_size_is_named_by_what_follows_its_parents_title():
    assert sized("Zechstein bath flakes, 1 kg").size_label() == "1 kg"


def test_a_size_titled_on_its_own_keeps_its_title():
    assert sized("2 kg").size_label() == "2 kg"


def test_a_size_without_a_title_falls_back_to_its_parents_title():
    assert sized("").size_label() == "Zechstein bath flakes"

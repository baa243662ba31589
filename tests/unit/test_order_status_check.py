"""The order statuses are spelled once, in store.order.statuses; a system check holds the
settings' pipeline to them."""

from store.order.checks import check_order_status_pipeline


def error_ids(errors):
    return [(error.id, error.msg) for error in errors]


def test_the_shipped_settings_name_exactly_the_shops_statuses():
    assert check_order_status_pipeline() == []


def test_a_status_missing_from_the_pipeline_is_an_error(settings):
    settings.OSCAR_ORDER_STATUS_PIPELINE = {
        name: targets
        for name, targets in settings.OSCAR_ORDER_STATUS_PIPELINE.items()
        if name != "Partly refunded"
    }

    assert error_ids(check_order_status_pipeline()) == [
        ("order.E001", "The order status 'Partly refunded' is not in OSCAR_ORDER_STATUS_PIPELINE.")
    ]


def test_a_status_the_settings_misspell_is_an_error(settings):
    settings.OSCAR_ORDER_STATUS_PIPELINE = {
        **settings.OSCAR_ORDER_STATUS_PIPELINE,
        "Shipped": ("Partly refunded", "Refunded", "Returned"),
    }

    assert error_ids(check_order_status_pipeline()) == [
        (
            "order.E002",
            "The order status 'Returned' in the settings is not named in store.order.statuses.",
        )
    ]

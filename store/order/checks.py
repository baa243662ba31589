"""Check that the settings' order statuses are the ones ``store.order.statuses`` names."""

from django.conf import settings
from django.core.checks import Error, register

from store.order.statuses import ORDER_STATUSES


@register("order")
def check_order_status_pipeline(app_configs=None, **kwargs) -> list[Error]:
    """Return an error for each status the settings and ``store.order.statuses`` disagree on."""
    pipeline = settings.OSCAR_ORDER_STATUS_PIPELINE
    in_settings = set(pipeline) | {target for targets in pipeline.values() for target in targets}
    in_settings.add(settings.OSCAR_INITIAL_ORDER_STATUS)
    errors = [
        Error(
            f"The order status {status!r} is not in OSCAR_ORDER_STATUS_PIPELINE.",
            hint="Add it to the pipeline, or remove it from store/order/statuses.py.",
            id="order.E001",
        )
        for status in ORDER_STATUSES
        if status not in pipeline
    ]
    errors += [
        Error(
            f"The order status {status!r} in the settings is not named in store.order.statuses.",
            hint="Name it there, or fix its spelling in the settings.",
            id="order.E002",
        )
        for status in sorted(in_settings - set(ORDER_STATUSES))
    ]
    return errors

"""Oscar's dashboard views, forked where the shop needs them to differ."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from oscar.apps.dashboard import views
from oscar.views.decorators import check_permissions

from content.dashboard.permissions import CONTENT_EDITOR
from store.payments.card import card_payments_enabled
from store.storefront.site import absolute_url


class IndexView(views.IndexView):
    """Show staff the shop's figures; send content editors straight to their section.

    Without Stripe keys, the page starts with how to turn card payments on.
    """

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_staff and check_permissions(request.user, CONTENT_EDITOR):
            return redirect("dashboard:content-article-list")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["card_payments_enabled"] = card_payments_enabled()
        ctx["webhook_url"] = absolute_url(reverse("stripe-webhook"))
        return ctx

"""The shopper's links back from Stripe's payment page (the webhook is routed in store.urls)."""

from django.urls import path

from store.payments import views

app_name = "payments"

urlpatterns = [
    path("card/<str:token>/paid/", views.CardReturnView.as_view(), name="card-return"),
    path("card/<str:token>/", views.CardCancelledView.as_view(), name="card-cancelled"),
]

from decimal import Decimal
from functools import cached_property

from django.conf import settings
from oscar.apps.partner import strategy
from oscar.core.loading import get_class

from store.tax.models import TaxCategory
from store.tax.money import gross_at_rate, tax_in_gross, tax_on_net
from store.tax.regimes import current_regime
from store.tax.selectors import TaxLocation, tax_table

NotForSale = get_class("partner.availability", "NotForSale")
PriceIncludingTax = get_class("partner.prices", "PriceIncludingTax")
PriceBeforeTax = get_class("partner.prices", "PriceBeforeTax")
DeliveryCharge = get_class("partner.prices", "DeliveryCharge")
delivery_location = get_class("checkout.selectors", "delivery_location")


def is_on_sale(product) -> bool:
    """Return whether ``product`` is shown in the shop: it, and a size's parent, are public."""
    if not product.is_public:
        return False
    return not product.is_child or product.parent.is_public


class OnSaleOnly:
    """Availability policy mixin: a product the shop hides cannot be bought.

    Basket add, the basket page and checkout's "basket is valid" step all ask the strategy,
    so a hidden product (or a size of a hidden parent) is refused when it is added, and a
    line whose product was hidden after it went in stops the order from being placed.
    """

    def availability_policy(self, product, stockrecord):
        if not is_on_sale(product):
            return NotForSale()
        return super().availability_policy(product, stockrecord)

    def parent_availability_policy(self, product, children_stock):
        if not product.is_public:
            return NotForSale()
        return super().parent_availability_policy(product, children_stock)


class MarketTax:
    """Pricing policy mixin: prices carry the tax of the market the shop trades under.

    Stock records hold what staff enter: in the UK, the EU and Australia the price with the
    tax of the trader's own country in it; in the US the price before sales tax. The tax
    charged is that of ``location``: the delivery address once the shopper has given one,
    else the trader's country. So an EU shopper's prices move to their country's VAT when the
    address is known (the price before tax stays the same), and US sales tax is known only
    then (Oscar calls it "not known" before).
    """

    def __init__(self, request=None, location: TaxLocation | None = None):
        super().__init__(request)
        self.regime = current_regime()
        self.home = TaxLocation(settings.SHOP_TRADER_COUNTRY)
        self.location = location or self.home

    @cached_property
    def table(self):
        """The tax rates, read when a price is first worked out: a page served whole from the
        cache prices nothing, so it never reads them."""
        return tax_table()

    def pricing_policy(self, product, stockrecord):
        if not stockrecord or stockrecord.price is None:
            return strategy.UnavailablePrice()
        category = product.get_product_class().tax_category
        return self.price(stockrecord.price, stockrecord.price_currency, category)

    def parent_pricing_policy(self, product, children_stock):
        stockrecords = [stockrecord for _, stockrecord in children_stock if stockrecord]
        if not stockrecords:
            return strategy.UnavailablePrice()
        return self.pricing_policy(product, stockrecords[0])

    @property
    def taxed_at(self) -> TaxLocation | None:
        """Return where tax is charged as: the delivery address, the trader's country or nowhere.

        A delivery country the regime taxes at its own rates (EU member states for One-Stop-
        Shop VAT, US states) is taxed as itself; elsewhere prices that include tax keep the
        trader's country's, and US prices have no sales tax added.
        """
        if self.location.country in self.regime.destination_countries:
            return self.location
        return self.home if self.regime.prices_include_tax else None

    def price(self, amount: Decimal, currency: str, category: str):
        """Return the price of something entered at ``amount``, taxed as ``category``."""
        if self.regime.prices_include_tax:
            entered_at, charged_at = self.rates(category)
            gross = gross_at_rate(amount, entered_at=entered_at, charged_at=charged_at)
            return PriceIncludingTax(currency, gross, charged_at, self.tax_code(category))
        if not self.location.is_delivery_address:
            return PriceBeforeTax(currency, amount, None)
        rate = self.sales_tax_rate(category, delivery=False)
        return PriceBeforeTax(currency, amount, rate, self.tax_code(category))

    def tax_code(self, category: str) -> str:
        """Name where and how a price is taxed: ``FR:standard``, ``US-NY:standard``, ``US:none``."""
        place = self.taxed_at
        if place is None:
            return f"{self.location.country}:none"
        region = f"-{place.region}" if place.region else ""
        return f"{place.country}{region}:{category}"

    def rates(self, category: str) -> tuple[Decimal, Decimal]:
        """Return the rates prices of ``category`` are entered with and charged at."""
        entered_at = self.rate_at(self.home, category)
        charged = self.table.row(self.taxed_at, category)
        return entered_at, charged.rate if charged else entered_at

    def rate_at(self, location: TaxLocation, category: str) -> Decimal:
        row = self.table.row(location, category)
        return row.rate if row else Decimal("0")

    def sales_tax_rate(self, category: str, *, delivery: bool) -> Decimal:
        """Return the US sales tax rate of ``category`` (of delivery, if ``delivery``) here."""
        row = self.table.row(self.taxed_at, category) if self.taxed_at else None
        if row is None or (delivery and not row.taxes_shipping):
            return Decimal("0")
        return row.rate

    def delivery_charge(self, amount: Decimal, currency: str, basket) -> DeliveryCharge:
        """Return the delivery charge entered at ``amount``, with the tax it carries.

        Delivery is taxed at the highest rate of the goods it carries (VAT and GST); US sales
        tax is added only in states that tax delivery.
        """
        categories = {line.product.get_product_class().tax_category for line in basket.all_lines()}
        categories = categories or {TaxCategory.STANDARD}
        if self.regime.prices_include_tax:
            entered_at, charged_at = max(
                (self.rates(category) for category in categories), key=lambda rates: rates[1]
            )
            gross = gross_at_rate(amount, entered_at=entered_at, charged_at=charged_at)
            tax = tax_in_gross(gross, charged_at)
            return DeliveryCharge(currency, gross - tax, tax, charged_at)
        if not self.location.is_delivery_address:
            return DeliveryCharge(currency, amount, None, None)
        rate = max(self.sales_tax_rate(category, delivery=True) for category in categories)
        return DeliveryCharge(currency, amount, tax_on_net(amount, rate), rate)


class LineStockRecord:
    """Strategy mixin: a basket line is priced by the stock record it holds.

    Oscar prices a line by its product's first stock record, read again through the product;
    the line holds the record it was added with (Oscar stores the one the strategy chose), so
    the basket needs no second read of every product's stock records.
    """

    def fetch_for_line(self, line, stockrecord=None):
        return self.fetch_for_product(line.product, stockrecord or line.stockrecord)


class Default(
    LineStockRecord,
    OnSaleOnly,
    MarketTax,
    strategy.UseFirstStockRecord,
    strategy.StockRequired,
    strategy.Structured,
):
    """The shop's strategy: lines by their stock record, products by their first, stock
    required, on sale only, market tax."""


class Selector(strategy.Selector):
    """Give every shopper the shop's strategy, taxing for their delivery address when known."""

    def strategy(self, request=None, user=None, **kwargs):
        """Return the strategy for this request."""
        location = delivery_location(request) if request is not None else None
        return Default(request, location=location)

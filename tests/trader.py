"""The fixture that names a trader whose details appear nowhere but in the settings."""

import pytest

#: The trader's registered address, line by line.
ADDRESS = ["2 Salt Lane", "Middlewich", "CW10 9AA", "United Kingdom"]


@pytest.fixture
def trader(settings):
    """A trader whose details appear nowhere but in the settings."""
    settings.SHOP_TRADER_NAME = "Brine & Flake Ltd"
    settings.SHOP_TRADER_COMPANY_NUMBER = "12345678"
    settings.SHOP_TRADER_ADDRESS = ADDRESS
    settings.SHOP_TRADER_VAT_NUMBER = "GB 987 6543 21"
    settings.SHOP_TRADER_EMAIL = "help@brine.example"
    settings.SHOP_TRADER_PHONE = "+44 1606 123456"
    return settings

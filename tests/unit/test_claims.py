"""Each market's disclaimer, product pages that name no condition, and the check that refuses
an unknown market."""

import pytest
from django.core.checks import run_checks
from django.core.exceptions import ImproperlyConfigured

from content.checks import check_claims_market
from content.claims import MARKETS, current_claims
from content.selectors import ReadingLink, RelatedContent
from content.templatetags.content_tags import reading_links

#: Words each market's disclaimer must carry, in the regulator's own terms.
DISCLAIMER_WORDS = {
    "uk": ["not medicines", "not intended to diagnose, treat, cure or prevent", "GP", "pharmacist"],
    "eu": ["cosmetic products", "not intended to diagnose, treat, cure or prevent", "pharmacist"],
    "us": [
        "cosmetics",
        "not intended to diagnose, treat, cure, mitigate or prevent any disease",
        "structure or any function of the body",
    ],
    "au": [
        "not therapeutic goods",
        "Australian Register of Therapeutic Goods",
        "not intended to diagnose, treat, cure or prevent",
        "health professional",
    ],
}

RELATED = RelatedContent(
    condition_pages=(
        ReadingLink(
            "Migraine headaches", "/conditions/migraine/", neutral_title="Magnesium and nerves"
        ),
        ReadingLink("Cramp", "/conditions/cramp/"),
    ),
    articles=(ReadingLink("Magnesium: what the research says", "/articles/research/"),),
)


def test_every_market_has_its_rules():
    assert set(MARKETS) == {"uk", "eu", "us", "au"}


@pytest.mark.parametrize("market", DISCLAIMER_WORDS)
def test_each_market_has_its_own_disclaimer(settings, market):
    settings.CLAIMS_MARKET = market

    disclaimer = str(current_claims().disclaimer)

    for words in DISCLAIMER_WORDS[market]:
        assert words in disclaimer, (market, words)
    others = {str(claims.disclaimer) for code, claims in MARKETS.items() if code != market}
    assert disclaimer not in others


@pytest.mark.parametrize("market", MARKETS)
def test_no_disclaimer_borrows_the_fdas_dietary_supplement_notice(settings, market):
    settings.CLAIMS_MARKET = market

    disclaimer = str(current_claims().disclaimer)

    assert "Food and Drug Administration" not in disclaimer
    assert "have not been evaluated" not in disclaimer


@pytest.mark.parametrize("market", MARKETS)
def test_in_every_market_each_page_is_linked_by_neutral_text(settings, market):
    settings.CLAIMS_MARKET = market

    links = reading_links(RELATED)

    assert [(link.title, link.url) for link in links] == [
        ("Magnesium and nerves", "/conditions/migraine/"),
        ("Magnesium research summary", "/conditions/cramp/"),
        ("Magnesium: what the research says", "/articles/research/"),
    ]
    assert not any("Migraine" in link.title or "Cramp" in link.title for link in links)


def test_repeated_neutral_text_is_numbered_so_every_link_reads_differently():
    related = RelatedContent(
        condition_pages=(
            ReadingLink("Cramp", "/conditions/cramp/"),
            ReadingLink("Sleep", "/conditions/sleep/", neutral_title="Magnesium and rest"),
            ReadingLink("Migraine", "/conditions/migraine/", neutral_title="  "),
            ReadingLink("Restless legs", "/conditions/legs/", neutral_title="Magnesium and rest"),
            ReadingLink("Stress", "/conditions/stress/"),
        ),
    )

    links = reading_links(related)

    assert [(link.title, link.url) for link in links] == [
        ("Magnesium research summary", "/conditions/cramp/"),
        ("Magnesium and rest", "/conditions/sleep/"),
        ("Magnesium research summary (2)", "/conditions/migraine/"),
        ("Magnesium and rest (2)", "/conditions/legs/"),
        ("Magnesium research summary (3)", "/conditions/stress/"),
    ]


def test_without_condition_pages_only_the_articles_are_linked():
    related = RelatedContent(articles=RELATED.articles)

    assert reading_links(related) == list(RELATED.articles)
    assert reading_links(RelatedContent()) == []


def test_the_market_setting_is_read_without_regard_to_case_or_spaces(settings):
    settings.CLAIMS_MARKET = " US "

    assert current_claims().code == "us"
    assert check_claims_market() == []


@pytest.mark.parametrize("market", ["", "gb", "de", "usa"])
def test_an_unknown_market_fails_the_system_check_and_refuses_to_be_used(settings, market):
    settings.CLAIMS_MARKET = market

    errors = check_claims_market()
    assert [error.id for error in errors] == ["content.E001"]
    assert repr(market) in errors[0].msg and "au, eu, uk, us" in errors[0].msg
    assert "content.E001" in {message.id for message in run_checks(tags=["content"])}
    with pytest.raises(ImproperlyConfigured, match="CLAIMS_MARKET"):
        current_claims()


def test_a_known_market_passes_the_system_check(settings):
    settings.CLAIMS_MARKET = "au"

    assert run_checks(tags=["content"]) == []

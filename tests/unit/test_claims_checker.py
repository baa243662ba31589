"""The claims checker, one behaviour at a time: the things a health claim hides behind."""

import dataclasses

import pytest

from content.claims import MARKETS as DISCLAIMER_MARKETS
from content.compliance import MARKETS, Finding, check_html, check_text, market_rules

SEED_CLOSING = (
    "So remember, MAGNESIUM TREATS BOTH SYMPTOMS AND CAUSES of pain \u2013 without the "
    "negative side effects."
)


def phrases(text, market="uk", setting="product"):
    return [finding.phrase for finding in check_text(text, market=market, setting=setting)]


def rules(text, market="uk", setting="product"):
    return [finding.rule for finding in check_text(text, market=market, setting=setting)]


def test_the_seed_articles_closing_line_breaks_cap_rule_12_1_in_the_uk():
    findings = check_text(SEED_CLOSING, market="uk", setting="editorial")

    claim, comparison = findings
    assert claim.phrase == "TREATS BOTH SYMPTOMS AND CAUSES of pain"
    assert claim.rule == "medicinal-claim"
    assert "CAP Code rule 12.1" in claim.regulation
    assert SEED_CLOSING[claim.start : claim.end] == claim.phrase
    assert comparison.phrase == "without the negative side effects"
    assert comparison.rule == "medicine-comparison"


@pytest.mark.parametrize(
    ("market", "law"),
    [
        ("uk", "CAP Code"),
        ("eu", "2001/83"),
        ("us", "201(g)(1)"),
        ("au", "Therapeutic Goods Act"),
    ],
)
def test_each_market_names_its_own_law(market, law):
    (claim, _comparison) = check_text(SEED_CLOSING, market=market)

    assert law in claim.regulation
    assert claim.summary


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("MAGNESIUM TREATS MIGRAINES.", "TREATS MIGRAINES"),
        ("Customers' cramps treated in minutes.", "cramps treated"),
        ("Gentle treatment of eczema.", "treatment of eczema"),
        ("It cures insomnia.", "cures insomnia"),
        ("Heals wounds overnight.", "Heals wounds"),
        ("Prevention of night cramps.", "Prevention of night cramps"),
        ("A remedy for headaches.", "remedy for headaches"),
        ("Fast relief from back pain.", "relief from back pain"),
        ("Alleviates the symptoms of arthritis.", "Alleviates the symptoms of arthritis"),
        ("Pain-free mornings.", "Pain-free"),
    ],
)
def test_claim_words_are_found_in_every_form_and_case(text, phrase):
    assert phrase in phrases(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our products are not intended to diagnose, treat, cure or prevent any disease.",
        "This soak does not relieve pain.",
        "We make no claim that magnesium cures migraines.",
        "It won't cure your cramps, but it is a lovely bath.",
        "No study has shown that bath flakes treat migraine.",
    ],
)
def test_a_negated_claim_is_no_claim(text):
    assert rules(text, setting="editorial") == []


def test_negation_ends_with_its_clause():
    text = "It does not cure anything, but it relieves back pain."

    assert phrases(text) == ["relieves back pain"]


@pytest.mark.parametrize("market", sorted(DISCLAIMER_MARKETS))
@pytest.mark.parametrize("setting", ["product", "editorial"])
def test_the_shops_own_disclaimers_are_not_claims(market, setting):
    disclaimer = str(DISCLAIMER_MARKETS[market].disclaimer)

    assert check_text(disclaimer, market=market, setting=setting) == []


@pytest.mark.parametrize(
    "text",
    [
        "Shin et al. (2020) reported fewer migraine attacks after magnesium given by drip.",
        "In one study of 29 migraine patients, magnesium-rich water reduced migraine pain.",
        "A 2020 review reports that magnesium can lower pain after surgery (Shin et al., 2020).",
        'Another study reported that, "Intravenous magnesium is better than caffeine for '
        'treating acute migraines. After it, migraine attacks decreased." (Shin 2020)',
    ],
)
def test_a_report_of_a_cited_study_is_allowed_on_editorial_pages_only(text):
    assert check_text(text, market="uk", setting="editorial") == []
    assert check_text(text, market="uk", setting="product") != []


def test_an_unattributed_claim_is_a_finding_on_editorial_pages_too():
    assert rules("Magnesium reduces migraine attacks.", setting="editorial") == ["medicinal-claim"]


@pytest.mark.parametrize(
    "text",
    [
        "Treat yourself to a long soak.",
        "A treat for tired feet.",
        "Prevent the flakes from clumping by keeping the bag closed.",
        "Available in store at Heal's and at Heals & Co.",
        "No cure is claimed.",
        "Take the pain out of gift shopping.",
        "Made in Spain, painstakingly packed.",
    ],
)
def test_everyday_words_are_not_claims(text):
    assert check_text(text, market="uk") == []


def test_a_condition_named_beside_a_product_is_a_finding_but_not_in_an_article():
    text = "Read about magnesium and migraine headaches."

    assert rules(text, setting="product") == ["condition-named"]
    assert rules(text, setting="editorial") == []


def test_a_serious_condition_beside_a_product_is_restricted():
    (finding,) = check_text("Lovely news for people living with diabetes.", market="au")

    assert finding.rule == "serious-condition"
    assert "s42DD" in finding.regulation


def test_a_shoppers_cure_story_is_a_testimonial():
    assert rules("These flakes cured my migraines!", setting="review") == ["cure-testimonial"]
    assert rules("Lovely soft water and my skin feels amazing.", setting="review") == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Magnesium contributes to normal muscle function.", "food-health-claim"),
        ("Better than ibuprofen.", "medicine-comparison"),
        ("Use it instead of painkillers.", "medicine-comparison"),
        ("Clinically proven to soften skin.", "proof-without-citation"),
        ("Boosts your magnesium levels.", "body-function-claim"),
    ],
)
def test_each_kind_of_claim_has_its_rule(text, rule):
    assert rules(text) == [rule]


def test_clinically_proven_with_its_study_named_is_allowed():
    assert rules("Clinically proven to soften skin (Smith et al., 2021).") == []


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Relieves muscle cramps.", "a relaxing soak after exercise"),
        ("Clinically proven.", "name the study"),
        ("Without the side effects of painkillers.", "drop the comparison"),
        ("Cures insomnia.", "a calming soak before bed"),
    ],
)
def test_a_finding_suggests_a_compliant_rewording(text, suggestion):
    (finding,) = check_text(text, market="uk")

    assert suggestion in finding.suggestion


@pytest.mark.parametrize(
    ("text", "flagged_in"),
    [
        ("These statements have not been evaluated by the Food and Drug Administration.", {"us"}),
        ("Works as a natural antiperspirant.", {"us"}),
        ("Relieves muscle cramps.", set(MARKETS)),
    ],
)
def test_rules_differ_by_market_only_where_the_law_does(text, flagged_in):
    assert {market for market in MARKETS if check_text(text, market=market)} == flagged_in


def test_html_offsets_point_into_the_raw_markup():
    html = '<p class="cures eczema">Our oil <b>relieves</b> muscle&nbsp;cramps.</p>'

    (finding,) = check_html(html, market="uk")

    assert finding.phrase == "relieves</b> muscle&nbsp;cramps"
    assert html[finding.start : finding.end] == finding.phrase


def test_html_entities_are_decoded_and_comments_skipped():
    html = "<p>&#67;ures eczema &amp; more.</p><!-- cures migraines -->"

    (finding,) = check_html(html, market="uk")

    assert finding.phrase == "&#67;ures eczema"


def test_a_block_tag_ends_a_sentence():
    html = "<ul><li>Migraine</li><li>Relief for tired feet</li></ul>"

    assert check_html(html, market="uk", setting="editorial") == []
    assert rules("Migraine Relief for tired feet", setting="editorial") == ["medicinal-claim"]


def test_text_is_read_as_a_reader_sees_it():
    text = "\uff23\uff55\uff52\uff45\uff53 mig\u200braines."

    (finding,) = check_text(text, market="uk")

    assert finding.phrase == text[:-1]


def test_findings_are_frozen():
    (finding, *_) = check_text(SEED_CLOSING, market="uk")

    assert isinstance(finding, Finding)
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.rule = "other"


@pytest.mark.parametrize("market", ["", "fr", "united kingdom"])
def test_an_unknown_market_is_refused(market):
    with pytest.raises(ValueError, match="market"):
        check_text("Relieves cramps.", market=market)
    with pytest.raises(ValueError, match="market"):
        market_rules(market)


def test_an_unknown_setting_is_refused():
    with pytest.raises(ValueError, match="setting"):
        check_text("Relieves cramps.", market="uk", setting="email")

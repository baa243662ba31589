"""An editor's preview marks each claim the check finds, without breaking the page's HTML."""

from content.audit import highlight_claims
from content.compliance import check_html


def marked(html: str) -> str:
    return highlight_claims(html, check_html(html, market="uk", setting="editorial"))


def test_a_claim_within_one_run_of_text_is_marked_with_its_rule():
    html = "<p>Soak for twenty minutes. Our flakes cure migraine.</p>"

    result = marked(html)

    assert result.startswith("<p>Soak for twenty minutes. Our flakes <mark title=")
    assert "(CAP Code rule 12.1" in result
    assert result.endswith('">cure migraine</mark>.</p>')


def test_a_claim_that_crosses_a_tag_is_left_unmarked_and_the_html_stays_whole():
    html = "<p>Our flakes <strong>cure</strong> migraine.</p>"

    assert marked(html) == html


def test_text_without_claims_is_unchanged():
    html = "<p>Two cups in a warm bath.</p>"

    assert marked(html) == html

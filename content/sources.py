"""The published works the store's articles cite, as the importer and the demo store them."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    """A cited work, as a Citation stores it; an empty DOI or PubMed ID means "not known"."""

    key: str
    authors: str
    year: int
    title: str
    journal: str = ""
    doi: str = ""
    pmid: str = ""
    url: str = ""


# Checked against PubMed, the publishers' pages and library catalogue records. Where a detail
# could not be confirmed (the full author list of Thomas and of Libako, Libako's DOI) it is
# shortened or left empty rather than guessed.
SOURCES = (
    Source(
        key="thomas-2000",
        authors="Thomas J, Millot JM, Sebille S, et al.",
        year=2000,
        title=(
            "Free and total magnesium in lymphocytes of migraine patients - effect of "
            "magnesium-rich mineral water intake"
        ),
        journal="Clinica Chimica Acta",
        pmid="10767394",
    ),
    Source(
        key="shin-2020",
        authors="Shin HJ, Na HS, Do SH",
        year=2020,
        title="Magnesium and Pain",
        journal="Nutrients",
        doi="10.3390/nu12082184",
        pmid="32718032",
    ),
    Source(
        key="libako-2010",
        authors="Libako P, et al.",
        year=2010,
        title=(
            "Phagocyte priming by low magnesium status: input to the enhanced inflammatory "
            "and oxidative stress responses"
        ),
        journal="Magnesium Research",
        url=(
            "https://www.jle.com/en/revues/mrh/e-docs/phagocyte_priming_by_low_magnesium_status"
            "_input_to_the_enhanced_inflammatory_and_oxidative_stress_responses_283968/"
            "article.phtml"
        ),
    ),
)

KNOWN_SOURCES = {source.key: source for source in SOURCES}

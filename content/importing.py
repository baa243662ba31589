"""Turn an exported article into draft rows, through the publishing service.

``content.importer`` reads an export into a ``ParsedArticle``; ``article_import`` here writes it
as a draft article, draft condition pages and citations, saving each through
``content.services`` so the same rules and revisions apply as to an editor's own saves.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction

from content.importer import cited_keys, parse_article, render_html
from content.models import Article, Citation, ConditionPage, Publishable, Revision, Status
from content.services import User, citation_save, page_save


@dataclass(frozen=True)
class ImportResult:
    """What ``article_import`` found in an export and what it did with the rows."""

    title: str
    condition_pages: int
    citations: int
    created: int
    updated: int
    skipped: tuple[str, ...]
    #: The drafts written (skipped pages left out), for the caller to check or show.
    drafts: tuple[Publishable, ...] = ()


def _citation_import(
    *, key: str, fields: dict, user: User | None, skip_permission_checks: bool
) -> tuple[Citation, str]:
    """Create the citation ``key`` from ``fields``, or fill in the blanks of the one on file.

    Values on file are kept: an editor may have completed or corrected them. Return the
    citation and "created" or "updated".
    """
    citation = Citation.objects.filter(key=key).first() or Citation(key=key)
    outcome = "created" if citation.pk is None else "updated"
    for name, value in fields.items():
        if not getattr(citation, name):
            setattr(citation, name, value)
    saved = citation_save(
        citation=citation, user=user, skip_permission_checks=skip_permission_checks
    )
    return saved, outcome


def _page_import(
    *,
    page: Publishable,
    fields: dict,
    citations: Sequence[Citation],
    user: User | None,
    skip_permission_checks: bool,
) -> str:
    """Write ``fields`` into ``page`` and save it as imported, unless it is published.

    Return "created", "updated" or, for a published page left as it is, "skipped".
    """
    if page.status == Status.PUBLISHED:
        return "skipped"
    outcome = "created" if page.pk is None else "updated"
    for name, value in fields.items():
        setattr(page, name, value)
    page_save(
        page=page,
        user=user,
        skip_permission_checks=skip_permission_checks,
        citations=citations,
        action=Revision.Action.IMPORTED,
    )
    return outcome


@transaction.atomic
def article_import(
    *,
    source: str,
    filename: str,
    user: User | None = None,
    skip_permission_checks: bool = False,
) -> ImportResult:
    """Import an exported article as drafts: the article, its condition pages and citations.

    Find rows by slug (pages) and key (citations), so importing again updates them instead of
    adding more. Publish nothing, and leave a page that is published already as it is, reporting
    it as skipped. Raise ``content.importer.ArticleParseError`` when ``source`` is not an
    article; nothing is written then. ``filename`` tells HTML (.html, .htm) from plain text.
    ``user`` and ``skip_permission_checks`` go to the publishing service with every save.
    """
    parsed = parse_article(source, filename=filename)
    outcomes = []
    citations = {}
    for cited in parsed.citations:
        fields = {
            "authors": cited.authors,
            "year": cited.year,
            "title": cited.title,
            "journal": cited.journal,
            "doi": cited.doi,
            "pmid": cited.pmid,
            "url": cited.url,
        }
        citations[cited.key], outcome = _citation_import(
            key=cited.key, fields=fields, user=user, skip_permission_checks=skip_permission_checks
        )
        outcomes.append(outcome)

    def citations_in(blocks) -> list[Citation]:
        return [citations[key] for key in cited_keys(blocks)]

    author = user if getattr(user, "is_authenticated", False) else None
    article = Article.objects.filter(slug=parsed.slug).first()
    article = article or Article(slug=parsed.slug, author=author)
    article_fields = {
        "title": parsed.title,
        "summary": parsed.summary,
        "body": render_html(parsed.body_blocks),
    }
    outcome = _page_import(
        page=article,
        fields=article_fields,
        citations=citations_in(parsed.blocks),
        user=user,
        skip_permission_checks=skip_permission_checks,
    )
    pages = [(article, outcome)]
    for position, section in enumerate(parsed.sections, start=1):
        page = ConditionPage.objects.filter(slug=section.slug).first()
        page = page or ConditionPage(slug=section.slug)
        page_fields = {
            "title": section.title,
            "summary": section.summary,
            "body": render_html(section.body_blocks),
            "mechanism": render_html(section.mechanism_blocks),
            "source_article": article,
            "position": position,
        }
        cited = citations_in(section.blocks + section.mechanism_blocks)
        outcome = _page_import(
            page=page,
            fields=page_fields,
            citations=cited,
            user=user,
            skip_permission_checks=skip_permission_checks,
        )
        pages.append((page, outcome))
    outcomes += [outcome for _, outcome in pages]
    return ImportResult(
        title=parsed.title,
        condition_pages=len(parsed.sections),
        citations=len(parsed.citations),
        created=outcomes.count("created"),
        updated=outcomes.count("updated"),
        skipped=tuple(page.title for page, outcome in pages if outcome == "skipped"),
        drafts=tuple(page for page, outcome in pages if outcome != "skipped"),
    )

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from content.audit import finding_message, page_claim_findings
from content.importer import ArticleParseError
from content.importing import article_import


class Command(BaseCommand):
    help = (
        "Import an exported store article (plain text, or HTML when the file ends .html or "
        ".htm) as drafts for an editor: the article, a page per condition it covers, and the "
        "citations it makes. Safe to run again: rows are found by slug and citation key and "
        "updated, published pages are left alone, and nothing is ever published."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The exported article to read.")

    def handle(self, *args, path: Path, **options):
        try:
            source = path.read_bytes().decode("utf-8-sig")
        except FileNotFoundError as error:
            raise CommandError(f"No file at {path}.") from error
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from error
        except UnicodeDecodeError as error:
            raise CommandError(f"{path} is not UTF-8 text; save the export as UTF-8.") from error
        try:
            result = article_import(source=source, filename=path.name, skip_permission_checks=True)
        except ArticleParseError as error:
            raise CommandError(f"Cannot import {path}: {error}") from error
        except ValidationError as error:
            raise CommandError(f"Cannot import {path}: {'; '.join(error.messages)}") from error
        self.stdout.write(
            f"Imported {result.title}: 1 article, "
            f"{result.condition_pages} condition pages, {result.citations} citations "
            f"(created {result.created}, updated {result.updated}, "
            f"skipped {len(result.skipped)})"
        )
        for title in result.skipped:
            self.stdout.write(f"Skipped {title}: it is published; unpublish it to import again.")
        for draft in result.drafts:
            findings = page_claim_findings(draft)
            if findings:
                self.stdout.write(f"Claims to reword in {draft.title} before it can be published:")
                for found in findings:
                    self.stdout.write(f"  - {finding_message(found)}")

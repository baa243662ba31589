from django.core.management.base import BaseCommand, CommandError

from content.demo import DemoProductsMissing, seed_content


def _count(number: int, singular: str, plural: str) -> str:
    """Return ``number`` with the word that fits it."""
    return f"{number} {singular if number == 1 else plural}"


class Command(BaseCommand):
    help = (
        "Publish the demo content: an article on magnesium and pain, its three citations and "
        "five condition pages linked to the demo shop's products, and the shop's own pages "
        "(delivery, returns and cancellation, terms, privacy, contact, about). Run seed_shop "
        "first. Safe to run again: it creates only what is missing, finding rows by citation "
        "key or page slug, and leaves existing rows (and any editors' changes to them) alone."
    )

    def handle(self, *args, **options):
        try:
            summary = seed_content()
        except DemoProductsMissing as error:
            raise CommandError(
                "The condition pages link demo shop products that are not in the database "
                f"({', '.join(error.upcs)}). Run `manage.py seed_shop` first, then "
                "`manage.py seed_content` again."
            ) from error
        self.stdout.write(
            f"Demo content: {_count(summary.articles, 'article', 'articles')}, "
            f"{_count(summary.condition_pages, 'condition page', 'condition pages')}, "
            f"{_count(summary.citations, 'citation', 'citations')}, "
            f"{_count(summary.shop_pages, 'shop page', 'shop pages')} "
            f"(created {summary.created} rows)"
        )

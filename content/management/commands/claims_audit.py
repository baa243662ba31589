"""List every public text whose wording its market forbids; exit 1 if there is any."""

from django.core.management.base import BaseCommand, CommandError

from content.audit import claims_audit
from content.claims import MARKETS, market_code


class Command(BaseCommand):
    help = (
        "Read every public text (live pages, products, usage notes, approved reviews, delivery "
        "methods) against the claim rules of a market, list each finding with its rule and a "
        "suggested rewording, and exit with status 1 if there is any. Run it before switching "
        "market, or in CI."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--market",
            choices=sorted(MARKETS),
            default=None,
            help="The market whose rules apply (default: the CLAIMS_MARKET setting).",
        )

    def handle(self, *args, market: str | None, **options):
        """Print the findings, then fail if there were any."""
        market = market or market_code()
        found = claims_audit(market=market)
        for item in found:
            finding = item.finding
            self.stdout.write(f'{item.text.where}: "{finding.phrase}"')
            self.stdout.write(f"    {finding.summary} ({finding.regulation})")
            if finding.suggestion:
                self.stdout.write(f"    Suggestion: {finding.suggestion}")
        if found:
            raise CommandError(f"{len(found)} finding(s) in the public texts for market {market}.")
        self.stdout.write(
            self.style.SUCCESS(f"No findings in the public texts for market {market}.")
        )

from django.core.management.base import BaseCommand

from store.storefront.services import create_demo_staff


class Command(BaseCommand):
    help = (
        "Create a staff account for the demo shop's dashboard and print its password once. "
        "When the account exists already, say so and change nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="staff")
        parser.add_argument("--email", default="staff@magnesium-shop.example")

    def handle(self, *args, username, email, **options):
        password = create_demo_staff(username=username, email=email)
        if password is None:
            self.stdout.write(
                f"Staff account {username!r} exists already; its password is not shown again. "
                f"To set a new one: manage.py changepassword {username}"
            )
            return
        self.stdout.write(f"Created staff account {username!r}; sign in with {email}")
        self.stdout.write(f"Password (shown once, keep it now): {password}")

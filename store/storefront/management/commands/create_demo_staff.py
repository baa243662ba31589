from django.core.management.base import BaseCommand

from store.storefront.services import create_demo_staff

#: The demo editor: content permissions only (the Editors group).
EDITOR = {"username": "editor", "email": "editor@magnesium-shop.example", "group": "Editors"}


class Command(BaseCommand):
    help = (
        "Create the demo shop's accounts and print each password once: a staff account (a "
        "superuser) for the dashboard, and an editor (the Editors group) for the Editorial "
        "section. An account that exists already is left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="staff")
        parser.add_argument("--email", default="staff@magnesium-shop.example")

    def handle(self, *args, username, email, **options):
        self.create("staff", username=username, email=email)
        self.create("editor", **EDITOR)

    def create(self, role: str, *, username: str, email: str, group: str | None = None) -> None:
        """Create one account and say so, or say it exists already."""
        password = create_demo_staff(username=username, email=email, group=group)
        if password is None:
            self.stdout.write(
                f"The {role} account {username!r} exists already; its password is not shown "
                f"again. To set a new one: manage.py changepassword {username}"
            )
            return
        self.stdout.write(f"Created {role} account {username!r}; sign in with {email}")
        self.stdout.write(f"Password (shown once, keep it now): {password}")

"""Give a group of staff the permissions of an app's models, from a data migration.

Django creates permissions only after every migration has run, so a migration that grants
some creates them first, against the migrated models it is given.
"""

from collections.abc import Iterable


def create_app_permissions(apps, app_label: str) -> None:
    """Create the permissions of ``app_label``'s models now, rather than after migrating."""
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config(app_label)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None


def grant_permissions(apps, *, group: str, app_label: str, codenames: Iterable[str]) -> None:
    """Give ``group`` (made if missing) the permissions ``codenames`` of ``app_label``."""
    create_app_permissions(apps, app_label)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    members, _ = Group.objects.get_or_create(name=group)
    members.permissions.add(
        *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )


def revoke_permissions(apps, *, group: str, app_label: str, codenames: Iterable[str]) -> None:
    """Take the permissions ``codenames`` of ``app_label`` from ``group``, if it exists."""
    Group = apps.get_model("auth", "Group")
    for members in Group.objects.filter(name=group):
        members.permissions.remove(
            *members.permissions.filter(content_type__app_label=app_label, codename__in=codenames)
        )

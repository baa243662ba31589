from django.apps import AppConfig
from django.apps import apps as global_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

EDITORS = "Editors"

#: Revisions are a record: editors read them, and nobody writes them by hand.
REVISION_WRITES = ("add_revision", "change_revision", "delete_revision")
#: Publishing past the claims check is for whoever answers for compliance, given by hand.
CLAIMS_OVERRIDES = "override_claims_"


class ContentConfig(AppConfig):
    """Articles and condition pages that lead readers to the products that fit them."""

    name = "content"
    verbose_name = _("Content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        """Register the system checks and the kinds of content; keep Editors' permissions full."""
        from content import checks  # noqa: F401  (registers the checks on import)
        from content.page_kinds import register_page_kinds

        register_page_kinds()
        post_migrate.connect(give_editors_content_permissions, sender=self)


def give_editors_content_permissions(
    *, app_config: AppConfig, using: str = "default", apps=global_apps, **kwargs
) -> None:
    """Give the Editors group every permission of the content app but writing revisions and
    overriding the claims check.

    Migration 0002 makes the group with the permissions there were then; run after every
    migrate, this adds those that later migrations create, such as a new kind's. It only adds:
    a permission given to the group by hand stays, and a missing group is not made again.
    """
    try:
        group_model = apps.get_model("auth", "Group")
        permission_model = apps.get_model("auth", "Permission")
    except LookupError:
        return
    editors = group_model.objects.using(using).filter(name=EDITORS).first()
    if editors is None:
        return
    permissions = (
        permission_model.objects.using(using)
        .filter(content_type__app_label=app_config.label)
        .exclude(codename__in=REVISION_WRITES)
        .exclude(codename__startswith=CLAIMS_OVERRIDES)
    )
    editors.permissions.add(*permissions)

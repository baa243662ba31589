from django.db import migrations

EDITORS = "Editors"


def create_editors_group(apps, schema_editor):
    """Make the Editors group: content permissions only; revisions are a record, read-only."""
    from django.contrib.auth.management import create_permissions

    content_app = apps.get_app_config("content")
    content_app.models_module = True
    create_permissions(content_app, apps=apps, verbosity=0)
    content_app.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    content_permissions = Permission.objects.filter(content_type__app_label="content").exclude(
        codename__in=["add_revision", "change_revision", "delete_revision"]
    )
    editors.permissions.set(content_permissions)


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]

from django.db import migrations

from store.storefront.group_permissions import create_app_permissions

SHOP_STAFF = "Shop staff"

#: The apps whose every permission a member of staff who runs the shop needs.
SHOP_APPS = [
    "address",
    "analytics",
    "basket",
    "catalogue",
    "communication",
    "content",
    "customer",
    "flatpages",
    "offer",
    "order",
    "partner",
    "payment",
    "reviews",
    "shipping",
    "voucher",
    "wishlists",
]


def create_shop_staff_group(apps, schema_editor):
    """Make the Shop staff group: products, stock, orders, offers and content, not accounts."""
    for label in SHOP_APPS:
        create_app_permissions(apps, label)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    shop_staff, _ = Group.objects.get_or_create(name=SHOP_STAFF)
    shop_permissions = Permission.objects.filter(content_type__app_label__in=SHOP_APPS).exclude(
        codename__in=["add_revision", "change_revision", "delete_revision"]
    )
    shop_staff.permissions.set(shop_permissions)


def remove_shop_staff_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=SHOP_STAFF).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # Pinned, not "__latest__": a later migration in one of these apps would otherwise count
        # as a dependency of this one, and `migrate` would refuse every database made before it.
        # A model added later gets its permissions into the group by a data migration of its own.
        ("address", "0007_useraddress_code"),
        ("analytics", "0003_auto_20200801_0817"),
        ("basket", "0012_line_code"),
        ("catalogue", "0033_product_search_index"),
        ("communication", "0004_auto_20200801_0817"),
        ("content", "0003_conditionpage_neutral_title"),
        ("customer", "0008_assign_permissions_to_staff"),
        ("flatpages", "0001_initial"),
        ("offer", "0013_range_excluded_categories"),
        ("order", "0021_billingaddress_code_shippingaddress_code"),
        ("partner", "0007_partneraddress_code"),
        ("payment", "0005_auto_20200801_0817"),
        ("reviews", "0005_productreview_code"),
        ("shipping", "0003_auto_20181115_1953"),
        ("voucher", "0010_auto_20210224_0712"),
        ("wishlists", "0004_auto_20220328_0939"),
    ]

    operations = [migrations.RunPython(create_shop_staff_group, remove_shop_staff_group)]

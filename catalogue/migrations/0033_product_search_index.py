"""Index the full-text search vector of products on PostgreSQL.

The indexed expression is the one ``store.search.selectors.product_search_vector`` builds; the
planner uses the index only while the two match exactly. Other databases get no index: their
search is a plain word containment filter.
"""

from django.db import migrations

INDEX_NAME = "catalogue_product_search_idx"
SEARCH_VECTOR = (
    "setweight(to_tsvector('english'::regconfig, COALESCE(title, '')), 'A')"
    " || setweight(to_tsvector('english'::regconfig, COALESCE(description, '')), 'B')"
)


def create_index(apps, schema_editor):
    """Create the GIN index over the search vector, on PostgreSQL only."""
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("catalogue", "Product")._meta.db_table)
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON {table} USING gin (({SEARCH_VECTOR}))"
    )


def drop_index(apps, schema_editor):
    """Drop the GIN index, on PostgreSQL only."""
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0032_category_exclude_from_menu_category_long_description"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]

"""The partial index `seo.sql.latest_changes` walks (PostgreSQL; other databases use the ORM query)."""

from django.db import migrations

from core import indexes


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        from seo import sql

        # The window of `seo.sitemaps.WINDOW` when this was written (a test checks they agree).
        indexes.create_index(schema_editor, sql.INDEX_NAME, sql.index_definition(10_000))


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        from seo import sql

        indexes.drop_index(schema_editor, sql.INDEX_NAME)


class Migration(migrations.Migration):
    # Built CONCURRENTLY (`core/indexes.py`): page writes go on during the deploy.
    atomic = False
    dependencies = [("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(create, drop)]

"""The partial index `seo.sql.latest_changes` walks (PostgreSQL; other databases use the ORM query)."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        from seo import sql

        # The window of `seo.sitemaps.WINDOW` when this was written (a test checks they agree).
        schema_editor.execute(sql.create_index_sql(10_000))


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        from seo import sql

        schema_editor.execute(sql.drop_index_sql())


class Migration(migrations.Migration):
    dependencies = [("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(create, drop)]

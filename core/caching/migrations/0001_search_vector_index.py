"""A GIN index on the expression the PostgreSQL search backend filters on.

Wagtail's database backend matches `(title || body) @@ query`; the GIN indexes Wagtail creates are
on `title` and on `body` separately, which PostgreSQL cannot use for the concatenation, so every
search read the whole index table. Nothing to do on other databases.
"""

from django.db import migrations

INDEX = "portal_search_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop, elidable=False)]

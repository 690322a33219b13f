"""The ranked search index (portal/search/models.py).

On PostgreSQL two generated columns carry the vectors the ranking reads, and an index serves
them: RUM when the extension is installed (it returns the best-ranked matches first without
ranking every match; Debian package `postgresql-15-rum`, installed by `make`), GIN otherwise.
Run `python manage.py rebuild_search_index` once after this migration on an existing site.
"""

import django.db.models.deletion
from django.db import migrations, models

VECTORS = """
ALTER TABLE portal_searchentry
  ADD COLUMN document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('portal_vietnamese'::regconfig, title), 'A')
    || setweight(to_tsvector('portal_vietnamese'::regconfig, lead), 'B')
    || setweight(to_tsvector('portal_vietnamese'::regconfig, body), 'C')
  ) STORED,
  ADD COLUMN exact tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, title), 'A')
    || setweight(to_tsvector('simple'::regconfig, lead), 'B')
  ) STORED;
"""
RUM_INDEX = (
    "CREATE INDEX portal_searchentry_document ON portal_searchentry "
    "USING rum (document rum_tsvector_ops)"
)
GIN_INDEX = "CREATE INDEX portal_searchentry_document ON portal_searchentry USING gin (document)"


def add_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(VECTORS)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
        available = cursor.fetchone() is not None
    if available:
        # Creating an untrusted extension needs a superuser; a DBA may have created it already.
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS rum")
    schema_editor.execute(RUM_INDEX if available else GIN_INDEX)


def drop_vectors(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS portal_searchentry_document")
        schema_editor.execute(
            "ALTER TABLE portal_searchentry DROP COLUMN IF EXISTS document, "
            "DROP COLUMN IF EXISTS exact"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_roles_and_workflow"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="wagtailcore.page",
                    ),
                ),
                ("title", models.TextField()),
                ("lead", models.TextField(blank=True)),
                ("body", models.TextField(blank=True)),
            ],
            options={
                "verbose_name": "mục chỉ mục tìm kiếm",
                "verbose_name_plural": "chỉ mục tìm kiếm",
            },
        ),
        migrations.RunPython(add_vectors, drop_vectors),
    ]

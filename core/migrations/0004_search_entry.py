"""The ranked search index (now sitewide/search/models.py).

On PostgreSQL generated columns carry the vectors the ranking reads: `head` (title A and lead B),
`document` (title A, lead B, body C), both folded by `portal_vietnamese`, and `exact` (title and
lead with their diacritics), with GIN indexes. Run `python manage.py rebuild_search_index` once
after this migration on a site that already has pages.
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
  ADD COLUMN head tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('portal_vietnamese'::regconfig, title), 'A')
    || setweight(to_tsvector('portal_vietnamese'::regconfig, lead), 'B')
  ) STORED,
  ADD COLUMN exact tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, title), 'A')
    || setweight(to_tsvector('simple'::regconfig, lead), 'B')
  ) STORED;
-- Rows stay narrow: a common word matches tens of thousands of rows, whose visibility is
-- checked in the table. Only `head` (title and lead, tested on every body match to keep it out
-- of tier 2) stays in the row; text and the other vectors go to TOAST, read only for the few
-- hundred candidates a results page ranks.
ALTER TABLE portal_searchentry SET (toast_tuple_target = 128);
ALTER TABLE portal_searchentry
  ALTER COLUMN title SET STORAGE EXTERNAL, ALTER COLUMN lead SET STORAGE EXTERNAL,
  ALTER COLUMN head SET STORAGE MAIN, ALTER COLUMN exact SET STORAGE EXTERNAL,
  ALTER COLUMN body SET STORAGE EXTERNAL, ALTER COLUMN document SET STORAGE EXTERNAL;
CREATE INDEX portal_searchentry_head ON portal_searchentry USING gin (head);
"""
DOCUMENT_INDEX = (
    "CREATE INDEX portal_searchentry_document ON portal_searchentry USING gin (document)"
)


def add_vectors(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(VECTORS)
        schema_editor.execute(DOCUMENT_INDEX)


def drop_vectors(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS portal_searchentry_document")
        schema_editor.execute(
            "ALTER TABLE portal_searchentry DROP COLUMN IF EXISTS document, "
            "DROP COLUMN IF EXISTS head, DROP COLUMN IF EXISTS exact"
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

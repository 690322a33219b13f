"""The search index holds any findable object, not only pages (now sitewide/search/models.py).

A row is now keyed by its own id and names what it stands for (`content_type`, `object_id`) and
the page that governs it (`page`); `locale` and `published_at` are copied from the page. The rows are copied
from the old table in one statement, so no re-indexing is needed. On PostgreSQL the vectors and
storage are those of 0004, plus two small GIN indexes over a fixed sixteenth of the rows
(`id % 16 = 0`): the ranking estimates large counts from them instead of counting every match.
"""

import django.db.models.deletion
from django.db import migrations, models

NEW = "portal_searchentry_new"

VECTORS = f"""
ALTER TABLE {NEW}
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
-- Narrow rows: text and vectors go to TOAST (`head` too, unlike 0004: it made rows 600 bytes
-- wide; the ranking no longer reads it for every body match).
ALTER TABLE {NEW} SET (toast_tuple_target = 128);
ALTER TABLE {NEW}
  ALTER COLUMN title SET STORAGE EXTERNAL, ALTER COLUMN lead SET STORAGE EXTERNAL,
  ALTER COLUMN head SET STORAGE EXTERNAL, ALTER COLUMN exact SET STORAGE EXTERNAL,
  ALTER COLUMN body SET STORAGE EXTERNAL, ALTER COLUMN document SET STORAGE EXTERNAL;
"""

COPY = f"""
INSERT INTO {NEW}
  (content_type_id, object_id, page_id, locale_id, published_at, title, lead, body)
SELECT p.content_type_id, o.page_id, o.page_id, p.locale_id, p.first_published_at,
       o.title, o.lead, o.body
FROM portal_searchentry o JOIN wagtailcore_page p ON p.id = o.page_id
ORDER BY p.first_published_at, o.page_id
"""

INDEXES = """
ALTER INDEX IF EXISTS portal_searchentry_new_pkey RENAME TO portal_searchentry_pkey;
CREATE INDEX portal_searchentry_head ON portal_searchentry USING gin (head);
CREATE INDEX portal_searchentry_document ON portal_searchentry USING gin (document);
CREATE INDEX portal_searchentry_head_sample ON portal_searchentry USING gin (head)
  WHERE id % 16 = 0;
CREATE INDEX portal_searchentry_document_sample ON portal_searchentry USING gin (document)
  WHERE id % 16 = 0;
ANALYZE portal_searchentry;
"""


def add_vectors(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(VECTORS)


def copy_rows(apps, schema_editor):
    schema_editor.execute(COPY)


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(INDEXES, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("portal", "0005_merge_0004_search_entry_0004_site_settings_logo"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchIndexEntry",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                ("object_id", models.PositiveBigIntegerField()),
                ("published_at", models.DateTimeField(blank=True, null=True)),
                ("title", models.TextField()),
                ("lead", models.TextField(blank=True)),
                ("body", models.TextField(blank=True)),
                (
                    "content_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="contenttypes.contenttype",
                    ),
                ),
                (
                    "page",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.page",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.locale",
                    ),
                ),
            ],
            options={
                "db_table": NEW,
                "verbose_name": "mục chỉ mục tìm kiếm",
                "verbose_name_plural": "chỉ mục tìm kiếm",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("content_type", "object_id"), name="portal_searchentry_object"
                    )
                ],
            },
        ),
        migrations.RunPython(add_vectors, migrations.RunPython.noop),
        migrations.RunPython(copy_rows, migrations.RunPython.noop),
        migrations.DeleteModel(name="SearchEntry"),
        migrations.RenameModel(old_name="SearchIndexEntry", new_name="SearchEntry"),
        migrations.AlterModelTable(name="SearchEntry", table=None),
        migrations.RunPython(add_indexes, migrations.RunPython.noop),
    ]

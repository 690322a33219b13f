"""A covering index for the listing counts (`core.caching.counts.cached_count`).

A section's count (how many pages its listing has) is taken again after every publication,
since any publication may change it. Counted through Wagtail's path index, PostgreSQL read every
row of the section from the table: 28 ms for a section of 30,000 articles, paid by the first
reader after each publication. With the columns the listing filters on carried in an index keyed
by path, the count is an index-only scan: 5 ms (docs/performance.md). PostgreSQL only (INCLUDE);
built CONCURRENTLY (`core/indexes.py`).
"""

from django.db import migrations

from core import indexes

INDEX = "news_page_path_listing"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        indexes.create_index(
            schema_editor,
            INDEX,
            "ON wagtailcore_page (path) INCLUDE (live, depth, content_type_id, id)",
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        indexes.drop_index(schema_editor, INDEX)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [("news", "0004_listing_positions_index")]

    operations = [migrations.RunPython(create, drop, elidable=False)]

"""A covering index for section listings at any page number (`SectionPage.article_positions`).

A page in the middle of the 120,000-article parent listing skips tens of thousands of entries
in the publication order. With every column the listing filters on carried in the index (path for
the section and the view restrictions, depth, live, content type), PostgreSQL skips them in the
index alone (an index-only scan) and reads only the twenty rows shown. Wagtail's table is not
ours to declare indexes on, hence SQL; SQLite has no INCLUDE and gets the plain ordering index.
"""

from django.db import migrations

from core import indexes

INDEX = "news_page_published_listing"


def create(apps, schema_editor):
    include = (
        " INCLUDE (path, depth, live, content_type_id)"
        if schema_editor.connection.vendor == "postgresql"
        else ""
    )
    indexes.create_index(schema_editor, INDEX, f"ON wagtailcore_page (first_published_at, id){include}")


def drop(apps, schema_editor):
    indexes.drop_index(schema_editor, INDEX)


class Migration(migrations.Migration):
    # Built CONCURRENTLY on PostgreSQL (`core/indexes.py`): page writes go on during the deploy.
    atomic = False
    dependencies = [("news", "0003_related_indexes")]

    operations = [migrations.RunPython(create, drop, elidable=False)]

"""A covering index for section listings at any page number (`SectionPage.article_positions`).

A page in the middle of the 120,000-article parent listing skips tens of thousands of entries
in the publication order. With every column the listing filters on carried in the index (path for
the section and the view restrictions, depth, live, content type), PostgreSQL skips them in the
index alone (an index-only scan) and reads only the twenty rows shown. Wagtail's table is not
ours to declare indexes on, hence SQL; SQLite has no INCLUDE and gets the plain ordering index.
"""

from django.db import migrations

INDEX = "news_page_published_listing"


def create(apps, schema_editor):
    include = (
        " INCLUDE (path, depth, live, content_type_id)"
        if schema_editor.connection.vendor == "postgresql"
        else ""
    )
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (first_published_at, id){include}"
    )


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("news", "0003_related_indexes")]

    operations = [migrations.RunPython(create, drop, elidable=False)]

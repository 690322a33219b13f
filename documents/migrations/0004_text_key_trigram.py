"""A trigram index on the documents' search key, so free text and loose numbers skip the scan.

The listing matches whole words with `text_key LIKE '% word %'`; without an index PostgreSQL
runs that pattern over every document (see docs/performance.md, "Documents listing"). pg_trgm
is a trusted extension: the database owner may create it. Other databases skip this.
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS documents_text_key_trgm
    ON documents_legaldocumentpage USING gin (text_key gin_trgm_ops);
"""
DROP = "DROP INDEX IF EXISTS documents_text_key_trgm;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("documents", "0003_listed_under")]
    operations = [migrations.RunPython(create, drop)]

"""A PostgreSQL text search configuration that ignores Vietnamese diacritics.

`chuyen doi so` must find "chuyển đổi số" and `da nang` must find "Đà Nẵng": words are folded
with unaccent (which maps đ to d) both when indexed and when searched. Other databases skip this.
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'portal_vietnamese') THEN
    CREATE TEXT SEARCH CONFIGURATION portal_vietnamese (COPY = simple);
    ALTER TEXT SEARCH CONFIGURATION portal_vietnamese
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
  END IF;
END
$$;
"""
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_vietnamese;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]

"""Indexes that bound the related-stories query (`news/related.py`) whatever the tags.

- (tag, article) on the tag links: the newest articles of one tag are a backward index walk that
  stops after a few dozen entries, even for a tag shared by thousands of articles.
- (parent path, first publication, id) on Wagtail's page table: the newest articles of the
  article's own section are a backward walk too. Without it PostgreSQL walked the publication-date
  index of the whole corpus until it had found enough pages of the section: seconds for a small
  section (the English one). Wagtail's table is not ours to declare indexes on, hence SQL; the
  expression is the one `news.related.PARENT_PATH` filters on, on PostgreSQL and SQLite alike.
"""

from django.db import migrations, models

from core import indexes

PAGE_INDEX = "news_page_parent_published"
STEPLEN = 4  # wagtail.models.Page.steplen


def create(apps, schema_editor):
    indexes.create_index(
        schema_editor,
        PAGE_INDEX,
        f"ON wagtailcore_page ((substr(path, 1, length(path) - {STEPLEN})), first_published_at, id)",
    )


def drop(apps, schema_editor):
    indexes.drop_index(schema_editor, PAGE_INDEX)


class Migration(migrations.Migration):
    # Built CONCURRENTLY on PostgreSQL (`core/indexes.py`): page writes go on during the deploy.
    atomic = False
    dependencies = [
        ("news", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="articletag",
            index=models.Index(fields=["tag", "content_object"], name="news_tag_article_idx"),
        ),
        migrations.RunPython(create, drop, elidable=False),
    ]

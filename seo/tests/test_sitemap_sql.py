"""The index's raw query returns what the ORM's grouping returns, on a tree with hidden pages."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.models import PageViewRestriction

from seo import sitemaps, sql
from testsupport import make_article

pytestmark = [
    pytest.mark.django_db,
    # The probes and their partial index are PostgreSQL's; other databases group with the ORM.
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's partial index"),
]


@pytest.mark.parametrize("window", [3, 10_000])
def test_the_index_probes_match_the_orm_grouping(news_section, homes, monkeypatch, window):
    monkeypatch.setattr(sitemaps, "WINDOW", window)
    for n in range(8):
        make_article(news_section, f"Tin {n}")
    make_article(news_section, "Bản nháp", publish=False)
    hidden = make_article(news_section, "Tin nội bộ")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    ids = [
        ContentType.objects.get_for_model(model, for_concrete_model=False).pk
        for model in sitemaps.listed_page_types()
    ]
    roots = [root.root_path for root in sitemaps.root_paths()]
    probed = sql.latest_changes(ids, roots, window)
    assert probed == sitemaps.grouped_latest_changes(ids)
    assert len(probed) >= 3


def test_the_migrated_index_divides_by_the_sitemaps_window():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [sql.INDEX_NAME])
        (definition,) = cursor.fetchone()
    assert f"/ {sitemaps.WINDOW})" in definition

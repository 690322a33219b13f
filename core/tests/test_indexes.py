"""Indexes on Wagtail's page table are built CONCURRENTLY, and a failed build is redone."""

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from core import indexes

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="CONCURRENTLY and invalid indexes are PostgreSQL's"
)
NAME = "core_test_concurrent_idx"


def valid(name: str) -> bool | None:
    with connection.schema_editor(atomic=False) as editor:
        return indexes._is_valid(editor, name)


@pytest.fixture
def table(transactional_db):
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE core_test_pages (id integer, title text)")
    yield "core_test_pages"
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS core_test_pages")


def test_an_index_is_built_once_and_a_second_run_keeps_it(table):
    with connection.schema_editor(atomic=False) as editor:
        indexes.create_index(editor, NAME, f"ON {table} (id)")
        indexes.create_index(editor, NAME, f"ON {table} (id)")
    assert valid(NAME) is True
    with connection.schema_editor(atomic=False) as editor:
        indexes.drop_index(editor, NAME)
    assert valid(NAME) is None


def test_an_invalid_index_left_by_a_failed_build_is_built_again(table):
    with connection.schema_editor(atomic=False) as editor:
        indexes.create_index(editor, NAME, f"ON {table} (id)")
    with connection.cursor() as cursor:  # what an interrupted CREATE INDEX CONCURRENTLY leaves
        cursor.execute(
            "UPDATE pg_index SET indisvalid = false WHERE indexrelid = %s::regclass", [NAME]
        )
    assert valid(NAME) is False
    with connection.schema_editor(atomic=False) as editor:
        indexes.create_index(editor, NAME, f"ON {table} (id)")
    assert valid(NAME) is True


@pytest.mark.parametrize(
    "app, name",
    [
        ("news", "0003_related_indexes"),
        ("news", "0004_listing_positions_index"),
        ("news", "0005_listing_count_index"),
        ("seo", "0001_sitemap_part_index"),
    ],
)
def test_migrations_indexing_wagtails_page_table_are_not_atomic(app, name):
    """CONCURRENTLY cannot run inside a transaction: the migration must not open one."""
    migration = MigrationLoader(None, ignore_no_migrations=True).disk_migrations[(app, name)]
    assert migration.atomic is False

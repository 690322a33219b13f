"""Indexes the portal adds to Wagtail's page table, built without blocking page writes.

A plain `CREATE INDEX` holds a lock that blocks every write to the table until the index is
built: on a corpus of 120,000 pages, seconds during a deploy when no editor can save or publish.
On PostgreSQL these indexes are built `CONCURRENTLY` (so their migrations are not atomic, as
PostgreSQL requires). A concurrent build that failed (a deploy interrupted, a deadlock) leaves an
invalid index behind, which `IF NOT EXISTS` would keep for good: it is dropped and built again.
Other databases (SQLite for development) build them the plain way.
"""

from typing import Any


def _is_valid(schema_editor: Any, name: str) -> bool | None:
    """Whether the index exists and is usable; None when there is no index of that name."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE c.relname = %s AND pg_table_is_visible(c.oid)",
            [name],
        )
        row = cursor.fetchone()
    return None if row is None else bool(row[0])


def create_index(schema_editor: Any, name: str, definition: str) -> None:
    """Create index `name` (`definition`: ``ON table (...) ...``) unless a valid one exists."""
    if schema_editor.connection.vendor != "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} {definition}")
        return
    valid = _is_valid(schema_editor, name)
    if valid:
        return
    if valid is False:
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {name}")
    schema_editor.execute(f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} {definition}")


def drop_index(schema_editor: Any, name: str) -> None:
    concurrently = " CONCURRENTLY" if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(f"DROP INDEX{concurrently} IF EXISTS {name}")

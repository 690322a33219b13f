"""A page's own few related rows (tags, chosen links) read with the page itself, not one query each.

An article shows its tags, its editor's related links and its linked documents: three small
relations, each a query of its own when read through the model (`page.tags.all()`, ...). Routing
reads the page with one query (`BasePage.for_serving`); these relations ride along in it as JSON
arrays built by correlated subqueries, one index lookup each. They are written as SQL (like
`core.story_sql`): composed through the ORM, three subqueries doubled the time Django spent
building the routing query. A page read any other way (preview, admin, a test building it by
hand) has no such annotation and reads the relation as before.
"""

import json
from collections.abc import Callable
from typing import Any

from django.db import connection
from django.db.models import JSONField
from django.db.models.expressions import RawSQL

__all__ = ["annotation_or", "json_rows", "json_rows_sql", "served_without"]


def json_rows_sql(columns: str, from_where: str) -> str:
    """`(SELECT <a JSON array of [columns] arrays> <from_where>)` in this database's dialect.

    `from_where` correlates with the outer query. Ordering is left to the reader (sort on the
    first column): an aggregate's order is not portable.
    """
    if connection.vendor == "postgresql":
        return f"(SELECT jsonb_agg(jsonb_build_array({columns})) {from_where})"
    return f"(SELECT json_group_array(json_array({columns})) {from_where})"


def json_rows(columns: str, from_where: str) -> RawSQL:
    """`json_rows_sql` as an annotation."""
    return RawSQL(json_rows_sql(columns, from_where), (), output_field=JSONField())


def _served_rows(instance: Any, name: str) -> Any:
    """The `name` rows the instance came with through `for_serving`, or `_MISSING`."""
    rows: Any = getattr(instance, name, _MISSING)
    if isinstance(rows, str):  # a raw query's column: the JSON text itself
        rows = json.loads(rows)
    return rows


def annotation_or(instance: Any, name: str, read: Callable[[], Any]) -> list[list[Any]]:
    """The annotated rows when the instance came through `for_serving`, else `read()` (a query)."""
    rows = _served_rows(instance, name)
    if rows is _MISSING:
        rows = read()
    # An Orderable's sort_order may be empty (rows added outside the admin): those go last.
    return sorted(rows or [], key=lambda row: (row[0] is None, row[0] or 0))


def served_without(instance: Any, name: str) -> bool:
    """True when the instance came through `for_serving` and its `name` rows are empty.

    (False when it came any other way: then nobody knows, and the caller reads the relation.)
    """
    rows = _served_rows(instance, name)
    return rows is not _MISSING and not rows


_MISSING = object()

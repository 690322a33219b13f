"""A page's own few related rows (tags, chosen links) read with the page itself, not one query each.

An article shows its tags, its editor's related links and its linked documents: three small
relations, each a query of its own when read through the model (`page.tags.all()`, ...). Routing
reads the page with one query (`BasePage.for_serving`); these relations ride along in it as JSON
arrays built by correlated subqueries, one index lookup each. A page read any other way (preview,
admin, a test building it by hand) has no such annotation and reads the relation as before.
"""

from typing import Any

from django.db.models import Aggregate, F, JSONField, OuterRef, Subquery
from django.db.models.functions import JSONArray

__all__ = ["JSONRows", "annotation_or", "rows_of"]


class JSONRows(Aggregate):
    """The aggregated values as one JSON array (jsonb on PostgreSQL, text JSON on SQLite)."""

    function = "JSON_GROUP_ARRAY"
    output_field = JSONField()

    def as_postgresql(self, compiler: Any, connection: Any, **extra_context: Any) -> Any:
        return self.as_sql(compiler, connection, function="JSONB_AGG", **extra_context)


def rows_of(model: type, owner_field: str, *columns: str) -> Subquery:
    """A subquery giving the owner's rows of `model` as a JSON array of `[column, ...]` arrays.

    Ordering is left to the reader (sort on the first column): an aggregate's order is not
    portable across databases.
    """
    return Subquery(
        model._default_manager.filter(**{owner_field: OuterRef("pk")})
        .order_by()
        .values(owner_field)
        .annotate(rows=JSONRows(JSONArray(*(F(column) for column in columns))))
        .values("rows")[:1],
        output_field=JSONField(),
    )


def annotation_or(instance: Any, name: str, read: Any) -> list[list[Any]]:
    """The annotated rows when the instance came through `for_serving`, else `read()` (a query)."""
    rows = getattr(instance, name, _MISSING)
    if rows is _MISSING:
        rows = read()
    return sorted(rows or [])


_MISSING = object()

"""Pieces of hand-written SQL for the two story queries that run on nearly every page view.

The related stories under an article and the newest stories of each section on Home are unions
of small `ORDER BY ... LIMIT` parts. Built through the ORM (querysets per part, `.union()`,
`.public()`, the full column list of two tables) they cost several times longer to compose in
Python than PostgreSQL takes to run them. These helpers keep that SQL readable and in step with
the models: column lists come from the model's fields, table names from its `Meta`.
The same SQL runs on SQLite (each ordered part is wrapped in a subquery).
"""

from django.db import connection
from django.db.models import Field, Model
from wagtail.models import Page, PageViewRestriction


def table(model: type[Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def column(model: type[Model], field_name: str) -> str:
    """The quoted column of a model's field, as its `Meta` names it."""
    field = model._meta.get_field(field_name)
    assert isinstance(field, Field) and field.column, f"{field_name} has no column of its own"
    return connection.ops.quote_name(field.column)


def card_columns(model: type[Page], page_alias: str = "p", story_alias: str = "s") -> str:
    """Every column a card needs from the page and story tables: all but the StreamFields."""
    from wagtail.fields import StreamField

    quote = connection.ops.quote_name
    columns = [f"{page_alias}.{quote(field.column)}" for field in Page._meta.concrete_fields]
    columns += [
        f"{story_alias}.{quote(field.column)}"
        for field in model._meta.local_concrete_fields
        if not isinstance(field, StreamField)
    ]
    return ", ".join(columns)


def public_condition(page_alias: str) -> str:
    """SQL for `.public()`: no view restriction on the page or any of its ancestors."""
    return (
        f"NOT EXISTS (SELECT 1 FROM {table(PageViewRestriction)} r "
        f"JOIN {table(Page)} restricted ON restricted.id = r.page_id "
        f"WHERE {page_alias}.path LIKE restricted.path || '%%')"
    )


def placeholders(values: list) -> str:
    return ", ".join(["%s"] * len(values))

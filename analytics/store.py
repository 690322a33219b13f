"""Where the beacon writes: one autocommit INSERT a hit, on a connection kept for the purpose.

Every page view sends a hit, so a hit must cost the database as little as possible. On
PostgreSQL the settings give the beacon a database alias of its own (`ANALYTICS["DATABASE"]`,
`"analytics"` in `portal/settings/base.py`): the same database, but a connection that

- stays open for the worker's life (no reconnect, no `SELECT 1` health check per request),
- commits without waiting for the WAL flush (`synchronous_commit=off` at connection start), so
  a hit is ONE round trip: an autocommit `INSERT` without `RETURNING`, instead of BEGIN, SET
  LOCAL, INSERT ... RETURNING, COMMIT (plus Django's health check) on the default connection.

Editors' publishing stays on the default connection and keeps synchronous commits. A hit
acknowledged with 204 is in PostgreSQL: a killed or restarted worker loses nothing; only a crash
of the database server itself could drop its last fraction of a second of hits (asynchronous
commit never corrupts or half-writes anything).

A kept connection goes stale when PostgreSQL restarts. Each database call of the beacon is
therefore retried once on a fresh connection when it fails with `OperationalError` (outside a
transaction only), so a restart costs neither a hit nor a 500 once the server is back. A retried
INSERT whose first attempt reached the server just before the connection died could, in theory,
be stored twice; that is a duplicate in a rare failure, never a loss.
"""

import logging
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from django.db import OperationalError, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from wagtail.models import Page

from .conf import setting
from .models import DisplayModeHit, Hit

logger = logging.getLogger("analytics.store")

T = TypeVar("T")


def alias() -> str:
    """The database alias the beacon writes through (`ANALYTICS["DATABASE"]`)."""
    return setting("DATABASE")


def connection() -> BaseDatabaseWrapper:
    return connections[alias()]


def with_retry(action: Callable[[BaseDatabaseWrapper], T]) -> T:
    """Run `action(connection)`; if the connection has died, reconnect once and run it again.

    Inside a transaction (a test's, or a caller's `atomic`) there is nothing safe to retry, so
    the error is raised as it is.
    """
    db = connection()
    try:
        return action(db)
    except OperationalError:
        if db.in_atomic_block:
            raise
        # The error itself is not logged: it can quote the statement, and so the hit's values.
        logger.warning("analytics connection lost; reconnecting once", extra={"alias": db.alias})
        db.close()
        return action(db)


def _insert(model: type[Hit] | type[DisplayModeHit], values: dict[str, object]) -> None:
    """One `INSERT INTO ... VALUES (...)`: no RETURNING, no transaction, no model instance."""
    fields = [model._meta.get_field(name) for name in values]

    def run(db: BaseDatabaseWrapper) -> None:
        quote = db.ops.quote_name
        sql = "INSERT INTO {} ({}) VALUES ({})".format(
            quote(model._meta.db_table),
            ", ".join(quote(field.column) for field in fields),
            ", ".join(["%s"] * len(fields)),
        )
        params = [
            field.get_db_prep_save(value, db)
            for field, value in zip(fields, values.values(), strict=True)
        ]
        with db.cursor() as cursor:
            cursor.execute(sql, params)

    with_retry(run)


def insert_hit(
    day: date,
    reason: int,
    page_id: int | None = None,
    visitor: int | None = None,
    referrer_host: str = "",
) -> None:
    """Store one hit (an excluded one keeps only `day` and `reason`)."""
    _insert(
        Hit,
        {
            "day": day,
            "page": page_id,
            "reason": reason,
            "visitor": visitor,
            "referrer_host": referrer_host,
        },
    )


def insert_display_mode_hit(
    day: date, large_text: bool, high_contrast: bool, reduced_motion: bool
) -> None:
    """Store a counted visit's display settings, on a row of its own (never tied to the hit)."""
    _insert(
        DisplayModeHit,
        {
            "day": day,
            "large_text": large_text,
            "high_contrast": high_contrast,
            "reduced_motion": reduced_motion,
        },
    )


def page_is_live(page_id: int) -> bool:
    """Ask the database whether the page exists and is published (on the beacon's connection)."""

    def run(db: BaseDatabaseWrapper) -> bool:
        quote = db.ops.quote_name
        sql = "SELECT 1 FROM {} WHERE {} = %s AND {} = %s".format(
            quote(Page._meta.db_table),
            quote(Page._meta.pk.column),
            quote(Page._meta.get_field("live").column),
        )
        with db.cursor() as cursor:
            cursor.execute(sql, [page_id, True])
            return cursor.fetchone() is not None

    return with_retry(run)

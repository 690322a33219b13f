"""Guard rails on the database: no request can hold a PostgreSQL backend or a worker for long.

- Every statement of a web process is cancelled after `DB_STATEMENT_TIMEOUT_MS` (2 s): a session
  default set when the connection opens (`portal.settings.database.session_options`), so it costs no
  round trip per request. The reader gets `core.health`'s quick 503 with `Retry-After`.
- Admin requests raise it to `DB_ADMIN_STATEMENT_TIMEOUT_MS` for their duration (one `SET` and one
  `RESET`): editors' reports and bulk actions may legitimately take longer.
- Management commands (rollups, purges, seeding, migrations) start with
  `DB_COMMAND_STATEMENT_TIMEOUT_MS`: `manage.py` marks its process as a command.
- A session left idle inside a transaction is ended (`idle_in_transaction_session_timeout`), and a
  backend checks that its client is still there while a query runs
  (`client_connection_check_interval`): a worker killed by gunicorn's timeout leaves nothing
  running in PostgreSQL.
- Statements slower than `DB_SLOW_QUERY_MS`, and every cancelled one, are logged with the request
  id (the SQL without its parameters, which may hold what a reader searched for).
"""

import logging
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse

from core.security.observability import current_request_id

logger = logging.getLogger("portal.db")

QUERY_CANCELED = "57014"  # SQLSTATE of a statement cancelled by statement_timeout
LOGGED_SQL_CHARS = 300


def is_cancelled(error: BaseException) -> bool:
    """Whether a database error is a statement cancelled by the timeout."""
    cause = error.__cause__ or error
    return getattr(cause, "sqlstate", None) == QUERY_CANCELED or (
        getattr(cause, "pgcode", None) == QUERY_CANCELED
    )


def watch_queries(execute: Callable, sql: str, params: Any, many: bool, context: dict) -> Any:
    """An execute wrapper: logs slow and cancelled statements with the request id."""
    started = time.perf_counter()
    try:
        result = execute(sql, params, many, context)
    except DatabaseError as error:
        if is_cancelled(error):
            elapsed = (time.perf_counter() - started) * 1000
            logger.warning(
                "statement cancelled after %.0f ms: %s",
                elapsed,
                sql[:LOGGED_SQL_CHARS],
                extra={
                    "event": "statement_cancelled",
                    "duration_ms": round(elapsed),
                    "request_id": current_request_id(),
                },
            )
        raise
    elapsed = (time.perf_counter() - started) * 1000
    if elapsed >= settings.DB_SLOW_QUERY_MS:
        logger.warning(
            "slow statement (%.0f ms): %s",
            elapsed,
            sql[:LOGGED_SQL_CHARS],
            extra={
                "event": "slow_statement",
                "duration_ms": round(elapsed),
                "request_id": current_request_id(),
            },
        )
    return result


def is_admin_path(path: str) -> bool:
    return path.startswith(f"/{settings.PORTAL_ADMIN_PATH}") or path.startswith("/django-admin/")


class StatementGuardMiddleware:
    """Watches every statement of the request; gives admin requests the longer timeout."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        raise_timeout = connection.vendor == "postgresql" and is_admin_path(request.path)
        with connection.execute_wrapper(watch_queries):
            if raise_timeout:
                self._set(f"SET statement_timeout = {int(settings.DB_ADMIN_STATEMENT_TIMEOUT_MS)}")
            try:
                return self.get_response(request)
            finally:
                if raise_timeout:
                    self._set("RESET statement_timeout")

    @staticmethod
    def _set(sql: str) -> None:
        # Outside any transaction, so it holds for the session until reset. A database that is
        # away fails the view itself, which answers 503; nothing to add here.
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql)
        except DatabaseError:
            connection.close_if_unusable_or_obsolete()

"""`/healthz` for load balancers and monitors, and a 503 (not a 500) while the database is away."""

import logging
from collections.abc import Callable

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger("portal.health")

RETRY_AFTER_SECONDS = 5


def ping_database() -> None:
    """One round trip to the database; raises DatabaseError if it does not answer."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database answers a query, 503 when it does not; never cached by anyone."""
    try:
        ping_database()
    except DatabaseError:
        # A broken connection must not stay in the pool for the next request.
        connection.close_if_unusable_or_obsolete()
        response = JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return JsonResponse({"status": "ok", "database": "ok"})


class DatabaseUnavailableMiddleware:
    """Answers 503 with Retry-After when the database is unreachable, instead of a 500.

    A restart of PostgreSQL is an outage of seconds: clients and load balancers should retry,
    and monitors should not page anyone for a programming error that is not there.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.warning("database unavailable: %s", type(exception).__name__)
        connection.close_if_unusable_or_obsolete()
        response = HttpResponse(
            "Hệ thống đang bảo trì trong giây lát, vui lòng thử lại. / "
            "The service is briefly unavailable, please try again.",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response

"""URLs for the statement-guard tests: a public view with a slow query and an admin-side probe."""

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.urls import path


def slow(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(%s)", [float(request.GET.get("seconds", "1"))])
    return HttpResponse("done")


def timeout(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        return HttpResponse(cursor.fetchone()[0])


urlpatterns = [
    path("slow/", slow),
    path("timeout/", timeout),
    path(f"{settings.PORTAL_ADMIN_PATH}guard-probe/", timeout),
]

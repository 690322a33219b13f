"""The statement guard: public statements cancelled quickly with a 503, the admin's longer, slow
statements logged with the request id, and nothing left running after a client is killed."""

import json
import os
import signal
import subprocess
import sys
import time
import uuid

import pytest
from django.db import connection
from django.test import TransactionTestCase, override_settings

from core.security.observability import JsonFormatter
from portal.settings.database import session_options

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        os.environ.get("DATABASE_URL", "").split(":")[0] not in ("postgres", "postgresql"),
        reason="statement timeouts are PostgreSQL's",
    ),
]

GUARD_URLS = "core.tests.guard_urls"


def set_session_timeout(ms: int) -> None:
    """The test connection as a web worker's starts: with the public timeout (shortened here)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SET statement_timeout = {ms}")


@pytest.fixture
def short_public_timeout():
    set_session_timeout(200)
    yield
    with connection.cursor() as cursor:
        cursor.execute("RESET statement_timeout")


def _session_timeout_of_a_new_process(process: str) -> str:
    code = (
        "import django; django.setup(); from django.db import connection;"
        "c = connection.cursor(); c.execute('SHOW statement_timeout'); print(c.fetchone()[0])"
    )
    env = {**os.environ, "PORTAL_PROCESS": process, "DB_STATEMENT_TIMEOUT_MS": "2000"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    return out.stdout.strip().splitlines()[-1]


def test_web_processes_start_with_the_public_timeout_and_commands_with_the_long_one():
    assert _session_timeout_of_a_new_process("web") == "2s"
    assert _session_timeout_of_a_new_process("command") == "1h"


def test_web_sessions_never_idle_in_a_transaction_and_every_session_checks_its_client():
    web, command = session_options(2000), session_options(3_600_000, command=True)
    assert "idle_in_transaction_session_timeout=60000" in web
    assert "idle_in_transaction_session_timeout=0" in command
    assert "client_connection_check_interval=1000" in web
    assert "client_connection_check_interval=1000" in command


@override_settings(ROOT_URLCONF=GUARD_URLS)
class CancelledStatementTests(TransactionTestCase):
    """Autocommit, as in production: a cancelled statement inside a test transaction would abort
    it. These tests write nothing, so nothing is flushed afterwards (later tests keep the tree's
    root page and the accessibility suite its seeded rows)."""

    @classmethod
    def _fixture_setup(cls) -> None:
        set_session_timeout(200)

    def _fixture_teardown(self) -> None:
        connection.close()  # the next test opens a connection with the session defaults

    def test_a_public_statement_past_the_timeout_is_cancelled_into_a_503(self) -> None:
        with self.assertLogs("portal.db", "WARNING") as logs:
            response = self.client.get("/slow/?seconds=5", HTTP_X_REQUEST_ID="guard-test-0001")

        self.assertEqual(response.status_code, 503)
        self.assertGreater(int(response["Retry-After"]), 0)
        cancelled = [r for r in logs.records if getattr(r, "event", "") == "statement_cancelled"]
        self.assertEqual(len(cancelled), 1)
        self.assertIn("pg_sleep", cancelled[0].getMessage())
        line = json.loads(JsonFormatter().format(cancelled[0]))
        self.assertEqual(line["request_id"], "guard-test-0001")


@override_settings(ROOT_URLCONF=GUARD_URLS)
def test_admin_requests_run_with_the_admin_timeout_and_restore_the_public_one(
    client, short_public_timeout, settings
):
    admin = client.get(f"/{settings.PORTAL_ADMIN_PATH}guard-probe/")
    public = client.get("/timeout/")

    assert admin.content.decode() == f"{settings.DB_ADMIN_STATEMENT_TIMEOUT_MS // 1000}s"
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = DEFAULT")
        cursor.execute("SHOW statement_timeout")
        session_default = cursor.fetchone()[0]
    assert public.content.decode() == session_default


@override_settings(ROOT_URLCONF=GUARD_URLS, DB_SLOW_QUERY_MS=50)
def test_slow_statements_are_logged_without_their_parameters(client, caplog):
    client.get("/slow/?seconds=0.1", HTTP_X_REQUEST_ID="guard-test-0002")

    slow = [r for r in caplog.records if getattr(r, "event", "") == "slow_statement"]
    assert slow and "pg_sleep(%s)" in slow[0].getMessage()
    assert "0.1" not in slow[0].getMessage()


def test_a_killed_client_leaves_no_statement_running(settings):
    """A worker killed mid-query (gunicorn's timeout) must not leave its query in PostgreSQL."""
    name = f"guard-{uuid.uuid4().hex[:12]}"
    database = settings.DATABASES["default"]
    code = (
        "import psycopg, sys; c = psycopg.connect(sys.argv[1], options=sys.argv[2],"
        " application_name=sys.argv[3], autocommit=True); c.execute('SELECT pg_sleep(60)')"
    )
    dsn = (
        f"host={database['HOST'] or '127.0.0.1'} port={database['PORT'] or 5432} "
        f"dbname={database['NAME']} user={database['USER']}"
    )
    # A statement timeout longer than the sleep: only the client check can end it.
    options = session_options(120_000)
    worker = subprocess.Popen([sys.executable, "-c", code, dsn, options, name])
    try:
        assert _wait_for(lambda: _running(name) == 1), "the query never started"
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait()
    assert _wait_for(lambda: _running(name) == 0), "the query outlived its client"


def _running(application_name: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")  # statistics are frozen per transaction
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s AND state = 'active'",
            [application_name],
        )
        return cursor.fetchone()[0]


def _wait_for(condition, attempts: int = 100) -> bool:
    for _ in range(attempts):
        if condition():
            return True
        time.sleep(0.1)
    return False

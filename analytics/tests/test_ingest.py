"""Ingestion at speed: the beacon's own connection, its retry, its rate limit, and the server.

The tests of the dedicated PostgreSQL connection (`DATABASES["analytics"]`) run only on
PostgreSQL; the rest run everywhere. Redis tests run when a Redis answers on 127.0.0.1:6379.
"""

import logging
import runpy
import socket
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from unittest import mock

import time_machine
from django.conf import settings
from django.core.cache import caches
from django.db import OperationalError, connection, connections
from django.test import (
    Client,
    SimpleTestCase,
    TransactionTestCase,
    override_settings,
)
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from analytics import bots, store
from analytics.models import Hit, Reason
from core.security import ratelimit

from .base import BROWSER, TreeTestCase, call_fast_path, reset_worker_caches

ON_POSTGRES = "analytics" in settings.DATABASES
READER = "198.51.100.23"
NEIGHBOUR = "198.51.100.24"
FROZEN = datetime(2026, 3, 2, 9, 0, 10, tzinfo=UTC)


def redis_is_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


def redis_cache(location: str = "redis://127.0.0.1:6379/15") -> dict:
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": f"analytics-test-{uuid.uuid4().hex}",  # this test's keys only
        }
    }


class FakeConnection:
    """Stands in for a database connection that dies on its first statement."""

    alias = "analytics"

    def __init__(self, in_atomic_block: bool = False) -> None:
        self.in_atomic_block = in_atomic_block
        self.closed = 0


class RetryTests(SimpleTestCase):
    def test_a_dead_connection_is_closed_and_the_statement_run_again_once(self):
        db = FakeConnection()
        calls = []

        def action(conn):
            calls.append(conn.closed)
            if len(calls) == 1:
                raise OperationalError("server closed the connection unexpectedly")
            return "stored"

        db.close = lambda: setattr(db, "closed", db.closed + 1)
        with (
            mock.patch.object(store, "connection", return_value=db),
            self.assertLogs("analytics.store", logging.WARNING),
        ):
            self.assertEqual(store.with_retry(action), "stored")
        self.assertEqual(calls, [0, 1])  # the second attempt ran on a reopened connection

    def test_a_second_failure_is_raised_not_retried_forever(self):
        db = FakeConnection()
        db.close = lambda: None
        attempts = []

        def action(conn):
            attempts.append(1)
            raise OperationalError("still down")

        with (
            mock.patch.object(store, "connection", return_value=db),
            self.assertLogs("analytics.store", logging.WARNING),
            self.assertRaises(OperationalError),
        ):
            store.with_retry(action)
        self.assertEqual(len(attempts), 2)

    def test_inside_a_transaction_nothing_is_retried(self):
        db = FakeConnection(in_atomic_block=True)
        db.close = mock.Mock()
        action = mock.Mock(side_effect=OperationalError("gone"))
        with (
            mock.patch.object(store, "connection", return_value=db),
            self.assertRaises(OperationalError),
        ):
            store.with_retry(action)
        action.assert_called_once()
        db.close.assert_not_called()


class FastPathRateLimitTests(TreeTestCase):
    """The fast path and the full stack limit each client on one counter (the beacon's one route)."""

    def setUp(self):
        super().setUp()
        overridden = override_settings(
            PORTAL_RATELIMIT_ENABLED=True, PORTAL_RATELIMITS={"search": "3/m", "analytics": "3/m"}
        )
        overridden.enable()
        self.addCleanup(overridden.disable)
        traveller = time_machine.travel(FROZEN, tick=False)  # one window for the whole test
        traveller.start()
        self.addCleanup(traveller.stop)
        self.forget_counters()
        self.addCleanup(self.forget_counters)

    def forget_counters(self):
        caches["default"].clear()

    def send(self, ip: str = READER) -> tuple[str, dict, bytes]:
        return call_fast_path(self, f"/analytics/hit?p={self.tree['a1'].pk}", REMOTE_ADDR=ip)

    def check_limit(self):
        statuses = [self.send()[0] for _ in range(3)]
        self.assertEqual(statuses, ["204 No Content"] * 3)
        status, headers, body = self.send()
        self.assertEqual(status, "429 Too Many Requests")
        self.assertTrue(1 <= int(headers["Retry-After"]) <= 60, headers)
        self.assertEqual(headers["Cache-Control"], "no-store")
        self.assertIn("Quá nhiều yêu cầu", body.decode())
        self.assertEqual(Hit.objects.count(), 3)  # the refused call stored nothing
        self.assertEqual(self.send(ip=NEIGHBOUR)[0], "204 No Content")  # per client

    def check_shared_counter(self):
        """Two calls on the fast path, one through the full stack: the next one is the 4th."""
        self.send()
        self.send()
        full_stack = Client().get(
            "/analytics/hit",
            {"p": self.tree["a1"].pk},
            REMOTE_ADDR=READER,
            HTTP_USER_AGENT=BROWSER,
        )
        self.assertEqual(full_stack.status_code, 204)
        self.assertEqual(self.send()[0], "429 Too Many Requests")

    def test_the_fast_path_answers_429_with_retry_after_past_the_rate(self):
        self.check_limit()

    def test_the_fast_path_and_the_full_stack_count_together(self):
        self.check_shared_counter()

    def test_with_the_limit_switched_off_nothing_is_counted(self):
        with override_settings(PORTAL_RATELIMIT_ENABLED=False):
            statuses = {self.send()[0] for _ in range(5)}
        self.assertEqual(statuses, {"204 No Content"})


class FastPathRedisRateLimitTests(FastPathRateLimitTests):
    """The same, on Redis: one round trip a hit, and a cache that is down lets hits through."""

    def setUp(self):
        if not redis_is_up():
            self.skipTest("no Redis on 127.0.0.1:6379")
        overridden = override_settings(CACHES=redis_cache())
        overridden.enable()
        self.addCleanup(overridden.disable)
        self.addCleanup(ratelimit._clients.clear)
        super().setUp()

    def forget_counters(self):
        """Delete this test's keys only (clear() would empty the whole Redis database)."""
        cache = caches["default"]
        client = cache._cache.get_client(write=True)
        keys = list(client.scan_iter(f"{cache.key_prefix}:*"))
        if keys:
            client.delete(*keys)

    def test_the_fast_path_answers_429_with_retry_after_past_the_rate(self):
        from django.core.cache.backends.redis import RedisCache

        self.assertIsInstance(caches["default"], RedisCache)
        self.check_limit()

    def test_a_hit_costs_one_redis_round_trip(self):
        from redis.connection import AbstractConnection

        self.send()  # the client and its connection exist
        original = AbstractConnection.send_packed_command
        with mock.patch.object(
            AbstractConnection, "send_packed_command", autospec=True, side_effect=original
        ) as sent:
            self.assertEqual(self.send()[0], "204 No Content")
        self.assertEqual(sent.call_count, 1)

    def test_an_unreachable_cache_lets_hits_through_and_says_so_without_the_address(self):
        with (
            override_settings(CACHES=redis_cache("redis://127.0.0.1:9/0")),
            self.assertLogs("portal.security.ratelimit", logging.WARNING) as logs,
        ):
            statuses = {self.send()[0] for _ in range(5)}
        self.assertEqual(statuses, {"204 No Content"})
        self.assertEqual(Hit.objects.count(), 5)
        self.assertNotIn(READER, "\n".join(logs.output))


class BotRulesTests(SimpleTestCase):
    """The lower-cased fast match for ASCII agents decides exactly as the IGNORECASE patterns."""

    AGENTS = [
        BROWSER,
        BROWSER.upper(),
        "Mozilla/5.0 (compatible; BingBot/2.0)",
        "MOZILLA/5.0 HEADLESSCHROME/131",
        "Opera/9.80 (Windows NT 6.1) Presto/2.12",
        "Mozilla/5.0 (Linux) Gecko/20100101 Firefox/133.0",
        "Mozilla/5.0 FeedFetcher-Google",
        "Java/17.0.2",
        "",
        "Mozilla/5.0 (X11) ſpider/1.0",  # long s: IGNORECASE matches it with "s"
        "Mozilla/5.0 (X11) Firefox/133.0 \u00e9t\u00e9",
        "Mozilla/5.0 Pl\u0251ywright",
    ]

    def test_same_decisions_as_the_case_insensitive_patterns(self):
        for agent in self.AGENTS:
            with self.subTest(agent=agent):
                expected_bot = not bots._BROWSER.search(agent) or bool(bots._BOT.search(agent))
                self.assertEqual(bots.is_bot(agent), expected_bot)
                for hints in ("", '"HeadlessChrome";v="131"', '"Chromium";v="131"'):
                    expected = bool(bots._HEADLESS.search(agent) or bots._HEADLESS.search(hints))
                    self.assertEqual(bots.is_headless(agent, hints), expected)
        self.assertTrue(bots.is_bot("Mozilla/5.0 (X11) ſpider/1.0"))


class GunicornConfigurationTests(SimpleTestCase):
    """What production runs, and so what the ingest benchmark runs."""

    def test_threads_with_keep_alive_and_no_access_log_records(self):
        config = runpy.run_path(str(Path(settings.BASE_DIR) / "scripts" / "gunicorn.conf.py"))
        self.assertEqual(config["worker_class"], "gthread")
        self.assertGreater(config["keepalive"], 0)
        self.assertGreaterEqual(config["max_requests"], 10_000)
        logger = config["logger_class"].__new__(config["logger_class"])
        with mock.patch("gunicorn.glogging.Logger.atoms") as atoms:
            logger.access(None, None, {}, None)
        atoms.assert_not_called()


class SQLiteAndDefaultAliasTests(TreeTestCase):
    def test_the_beacon_writes_through_the_configured_alias(self):
        self.assertEqual(store.alias(), "default")  # the test settings' choice
        self.hit(self.tree["a1"])
        self.assertEqual(Hit.objects.get().reason, Reason.COUNTED)


if ON_POSTGRES:

    @override_settings(ANALYTICS={**settings.ANALYTICS, "DATABASE": "analytics"})
    class DedicatedConnectionTests(TransactionTestCase):
        """PostgreSQL: hits go through their own connection, one INSERT each, asynchronously.

        A TestCase would hold that connection inside a test transaction too, where a dead
        connection must not be retried; here it autocommits as in production. The tests hit the
        tree's root page (made by migrations) and leave the database as they found it: only
        their own hits are deleted, nothing is flushed, so later transactional tests and the
        accessibility suite's seeded database (kept between tests) keep their rows.
        """

        databases = {"default", "analytics"}

        @classmethod
        def _fixture_setup(cls):
            last = Hit.objects.order_by("-pk").values_list("pk", flat=True).first()
            cls.first_new_hit = (last or 0) + 1

        def _fixture_teardown(self):
            Hit.objects.filter(pk__gte=self.first_new_hit).delete()

        @classmethod
        def tearDownClass(cls):
            connections["analytics"].close()
            super().tearDownClass()

        def setUp(self):
            reset_worker_caches()
            self.addCleanup(reset_worker_caches)
            # The root page made by migrations, unless an earlier transactional test flushed the
            # tables; then a root of this test's own, removed afterwards.
            root = Page.get_first_root_node()
            if root is None:
                locale, made = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
                if made:  # cleanups run last-in first-out: the page goes before its locale
                    self.addCleanup(Locale.objects.filter(pk=locale.pk).delete)
                root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
                self.addCleanup(Page.objects.filter(pk=root.pk).delete)
            self.page_id = root.pk

        def send(self, page_id: int | None = None) -> str:
            path = f"/analytics/hit?p={page_id or self.page_id}"
            return call_fast_path(self, path, REMOTE_ADDR=READER)[0]

        def stored(self) -> list[int]:
            return list(Hit.objects.order_by("id").values_list("reason", flat=True))

        def test_a_warm_hit_is_one_insert_without_returning_on_its_own_connection(self):
            self.assertEqual(self.send(), "204 No Content")  # the salt, the live-page check
            analytics = connections["analytics"]
            with CaptureQueriesContext(analytics) as own, CaptureQueriesContext(connection) as main:
                self.assertEqual(self.send(), "204 No Content")
            self.assertEqual(len(own.captured_queries), 1, own.captured_queries)
            sql = own.captured_queries[0]["sql"]
            self.assertTrue(sql.startswith('INSERT INTO "analytics_hit"'), sql)
            self.assertNotIn("RETURNING", sql.upper())
            self.assertEqual(main.captured_queries, [])  # no health check, no transaction
            self.assertEqual(self.stored(), [Reason.COUNTED, Reason.COUNTED])

        def test_only_the_beacon_connection_skips_the_wal_flush_wait(self):
            store.page_is_live(self.page_id)  # opens it
            with connections["analytics"].cursor() as cursor:
                cursor.execute("SHOW synchronous_commit")
                self.assertEqual(cursor.fetchone()[0], "off")
            with connection.cursor() as cursor:  # editors' publishing
                cursor.execute("SHOW synchronous_commit")
                self.assertEqual(cursor.fetchone()[0], "on")

        def test_a_killed_database_connection_costs_no_hit_and_no_error(self):
            self.assertEqual(self.send(), "204 No Content")
            analytics = connections["analytics"]
            pid = analytics.connection.info.backend_pid
            with connection.cursor() as cursor:  # as a PostgreSQL restart would
                cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
                for _ in range(100):  # the backend exits asynchronously
                    cursor.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid])
                    if cursor.fetchone() is None:
                        break
                    time.sleep(0.05)
            with self.assertLogs("analytics.store", logging.WARNING) as logs:
                self.assertEqual(self.send(), "204 No Content")
            self.assertNotEqual(analytics.connection.info.backend_pid, pid)
            self.assertEqual(self.stored(), [Reason.COUNTED, Reason.COUNTED])
            # Said without the error's text, which could quote the statement and its values.
            self.assertEqual(
                [record.getMessage() for record in logs.records],
                ["analytics connection lost; reconnecting once"],
            )

        def test_unknown_pages_are_checked_on_the_beacon_connection_too(self):
            with CaptureQueriesContext(connections["analytics"]) as own:
                self.assertEqual(self.send(987654), "204 No Content")
            self.assertEqual(len(own.captured_queries), 2)  # the live-page check, the INSERT
            self.assertEqual(self.stored(), [Reason.UNKNOWN_PAGE])

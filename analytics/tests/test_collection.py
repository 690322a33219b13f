"""The collection endpoint: what it answers, what it stores, and what it refuses to count."""

import logging

from django.contrib.auth.models import Group, User
from django.test import Client

from analytics.models import DailySalt, DisplayModeHit, Hit, Reason
from analytics.visitors import forget_cached_salts
from core.groups import EDITORS

from .base import BROWSER, TreeTestCase, call_fast_path

BOT_AGENTS = [
    "Googlebot/2.1 (+http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Mozilla/5.0 (compatible; YandexBot/3.0)",
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2)",
    "facebookexternalhit/1.1",
    "curl/8.5.0",
    "python-requests/2.32",
    "Wget/1.21",
    "",
]


class CollectionEndpointTests(TreeTestCase):
    def reasons(self) -> list[int]:
        return list(Hit.objects.order_by("id").values_list("reason", flat=True))

    def test_a_visit_is_answered_204_never_cached_and_stored_with_page_and_referrer_host(self):
        response = self.hit(self.tree["a1"], r="www.google.com")
        self.assertEqual(response.status_code, 204)
        self.assertEqual(response["Cache-Control"], "no-store")
        stored = Hit.objects.get()
        self.assertEqual(
            (stored.page_id, stored.reason, stored.referrer_host),
            (self.tree["a1"].pk, Reason.COUNTED, "www.google.com"),
        )
        self.assertIsNotNone(stored.visitor)

    def test_the_noscript_pixel_gets_a_one_pixel_gif(self):
        response = self.hit(self.tree["a1"], t="gif")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "image/gif")
        self.assertTrue(response.content.startswith(b"GIF89a"))
        self.assertEqual(response["Cache-Control"], "no-store")
        self.assertEqual(self.reasons(), [Reason.COUNTED])

    def test_a_missing_or_non_numeric_page_id_is_a_400_and_stores_nothing(self):
        for page_id in [None, "", "abc", "12abc", "-3", "0", "1" * 11, "9999999999", "1.5", "١٢"]:
            with self.subTest(page_id=page_id):
                params = {} if page_id is None else {"p": page_id}
                response = Client().get("/analytics/hit", params, HTTP_USER_AGENT=BROWSER)
                self.assertEqual(response.status_code, 400)
                self.assertEqual(response["Cache-Control"], "no-store")
        self.assertFalse(Hit.objects.exists())

    def test_a_referrer_that_is_not_a_bare_host_name_is_dropped_but_the_visit_counts(self):
        bad = [
            "https://www.google.com/search?q=x",
            "a" * 300,
            "<script>",
            "exa mple.com",
            "b..c",
            "-x.com",
        ]
        for referrer in bad:
            with self.subTest(referrer=referrer):
                self.assertEqual(self.hit(self.tree["a1"], r=referrer).status_code, 204)
        self.assertEqual(
            set(Hit.objects.values_list("reason", "referrer_host")), {(Reason.COUNTED, "")}
        )

    def test_junk_headers_never_cause_a_server_error(self):
        client = Client()
        client.cookies["display"] = "x" * 10_000
        response = self.hit(
            self.tree["a1"],
            client=client,
            agent="Mozilla/5.0 " + "\u00ff\u00fe" * 5000,
            HTTP_DNT="\x00" * 100,
            HTTP_SEC_PURPOSE="\u00ff" * 1000,
            HTTP_REFERER="\u00ff" * 5000,
            m="yes",
        )
        self.assertEqual(response.status_code, 204)

    def test_bots_and_tools_are_excluded_as_bots(self):
        for agent in BOT_AGENTS:
            with self.subTest(agent=agent):
                self.assertEqual(self.hit(self.tree["a1"], agent=agent).status_code, 204)
        self.assertEqual(self.reasons(), [Reason.BOT] * len(BOT_AGENTS))

    def test_headless_and_automated_browsers_are_excluded(self):
        self.hit(self.tree["a1"], agent=BROWSER.replace("Chrome/", "HeadlessChrome/"))
        self.hit(self.tree["a1"], HTTP_SEC_CH_UA='"HeadlessChrome";v="131"')
        self.hit(self.tree["a1"], w="1")  # the beacon saw navigator.webdriver
        self.assertEqual(self.reasons(), [Reason.HEADLESS] * 3)

    def test_prefetch_and_prerender_requests_are_excluded(self):
        headers = [
            ("HTTP_SEC_PURPOSE", "prefetch"),
            ("HTTP_SEC_PURPOSE", "prefetch;prerender"),
            ("HTTP_PURPOSE", "prefetch"),
            ("HTTP_X_MOZ", "prefetch"),
            ("HTTP_X_PURPOSE", "preview"),
        ]
        for header, value in headers:
            self.hit(self.tree["a1"], **{header: value})
        self.assertEqual(self.reasons(), [Reason.PREFETCH] * len(headers))

    def test_do_not_track_is_respected(self):
        self.hit(self.tree["a1"], HTTP_DNT="1")
        self.assertEqual(self.reasons(), [Reason.DO_NOT_TRACK])

    def test_global_privacy_control_is_respected(self):
        self.hit(self.tree["a1"], HTTP_SEC_GPC="1")
        self.assertEqual(self.reasons(), [Reason.GLOBAL_PRIVACY_CONTROL])

    def test_dnt_and_gpc_set_to_zero_are_counted(self):
        self.hit(self.tree["a1"], HTTP_DNT="0", HTTP_SEC_GPC="0")
        self.assertEqual(self.reasons(), [Reason.COUNTED])

    def test_previews_are_excluded_by_flag_or_by_an_admin_referer(self):
        self.hit(self.tree["a1"], preview="1")
        self.hit(
            self.tree["a1"],
            HTTP_REFERER=f"http://testserver/admin/pages/{self.tree['a1'].pk}/edit/preview/",
        )
        self.assertEqual(self.reasons(), [Reason.PREVIEW] * 2)

    def test_logged_in_admin_users_are_excluded_but_anonymous_readers_are_not(self):
        editor = User.objects.create_user("editor", password="x" * 12)
        editor.groups.add(Group.objects.get(name=EDITORS))
        client = Client()
        client.force_login(editor)
        self.hit(self.tree["a1"], client=client)
        self.hit(self.tree["a1"])
        self.assertEqual(self.reasons(), [Reason.ADMIN_USER, Reason.COUNTED])

    def test_methods_other_than_get_and_head_are_excluded(self):
        url = f"/analytics/hit?p={self.tree['a1'].pk}"
        for method in ("post", "put", "delete", "patch", "options"):
            with self.subTest(method=method):
                response = getattr(Client(), method)(url, HTTP_USER_AGENT=BROWSER)
                self.assertEqual(response.status_code, 204)
        self.assertEqual(self.reasons(), [Reason.METHOD] * 5)

    def test_head_is_counted_like_get(self):
        Client().head(f"/analytics/hit?p={self.tree['a1'].pk}", HTTP_USER_AGENT=BROWSER)
        self.assertEqual(self.reasons(), [Reason.COUNTED])

    def test_unknown_and_unpublished_pages_are_excluded(self):
        self.tree["a2"].unpublish()
        self.hit(987654)
        self.hit(self.tree["a2"])
        self.assertEqual(self.reasons(), [Reason.UNKNOWN_PAGE] * 2)

    def test_excluded_hits_keep_no_page_no_host_and_no_visitor_hash(self):
        self.hit(self.tree["a1"], HTTP_DNT="1", r="example.com")
        stored = Hit.objects.get()
        self.assertEqual((stored.page_id, stored.visitor, stored.referrer_host), (None, None, ""))
        self.assertFalse(DailySalt.objects.exists())

    def test_the_same_reader_gets_the_same_hash_within_a_day_and_another_reader_another(self):
        self.hit(self.tree["a1"], ip="198.51.100.1")
        self.hit(self.tree["a2"], ip="198.51.100.1")
        self.hit(self.tree["a1"], ip="198.51.100.2")
        self.hit(self.tree["a1"], ip="198.51.100.1", agent=BROWSER + " Edg/131.0")
        first, again, other_ip, other_agent = Hit.objects.order_by("id").values_list(
            "visitor", flat=True
        )
        self.assertEqual(first, again)
        self.assertEqual(len({first, other_ip, other_agent}), 3)
        self.assertEqual(DailySalt.objects.count(), 1)

    def test_the_hash_changes_with_the_daily_salt(self):
        self.hit(self.tree["a1"])
        DailySalt.objects.all().update(secret=b"\x01" * 32)
        forget_cached_salts()
        self.hit(self.tree["a1"])
        first, second = Hit.objects.order_by("id").values_list("visitor", flat=True)
        self.assertNotEqual(first, second)

    def test_display_settings_are_stored_apart_from_the_hit_without_any_link(self):
        client = Client()
        client.cookies["display"] = "size-large.contrast-high.spacing-normal"
        self.hit(self.tree["a1"], client=client, m="1")
        self.hit(self.tree["a2"])  # default settings: no display-mode row at all
        mode = DisplayModeHit.objects.get()
        self.assertEqual(
            (mode.large_text, mode.high_contrast, mode.reduced_motion), (True, True, True)
        )
        self.assertEqual(
            {field.name for field in DisplayModeHit._meta.get_fields()},
            {"id", "day", "large_text", "high_contrast", "reduced_motion"},
        )

    def test_nothing_logged_contains_the_ip_user_agent_or_hash(self):
        agent = BROWSER + " UniqueAgentMarker/9"
        with self.assertLogs(level=logging.DEBUG) as logs:
            logging.getLogger("analytics.test").debug("start")
            self.hit(self.tree["a1"], ip="192.0.2.99", agent=agent)
            self.hit("not-a-number", ip="192.0.2.99", agent=agent)
        visitor = str(Hit.objects.get().visitor)
        for line in logs.output:
            self.assertNotIn("192.0.2.99", line)
            self.assertNotIn("UniqueAgentMarker", line)
            self.assertNotIn(visitor, line)

    def test_a_counted_hit_is_one_insert_once_the_worker_is_warm(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        self.hit(self.tree["a2"])  # loads the day's salt and checks the page is live
        with CaptureQueriesContext(connection) as queries:
            self.hit(self.tree["a2"])
        statements = [q["sql"] for q in queries.captured_queries]
        # One plain INSERT: no transaction of its own, nothing returned (see analytics.store).
        self.assertEqual(len(statements), 1, statements)
        self.assertTrue(statements[0].startswith('INSERT INTO "analytics_hit"'), statements)
        self.assertNotIn("RETURNING", statements[0].upper())


class BeaconFastPathTests(TreeTestCase):
    """The WSGI fast path answers the beacon like the Django view, without the page stack."""

    def call(self, path: str, **extra) -> tuple[str, dict]:
        status, headers, _body = call_fast_path(self, path, **extra)
        return status, headers

    def test_a_hit_is_counted_and_answered_204_no_store(self):
        status, headers = self.call(f"/analytics/hit?p={self.tree['a1'].pk}")
        self.assertEqual(status, "204 No Content")
        self.assertEqual(headers["Cache-Control"], "no-store")
        self.assertEqual(Hit.objects.get().reason, Reason.COUNTED)

    def test_bad_input_is_a_400_on_the_fast_path_too(self):
        status, _headers = self.call("/analytics/hit?p=abc")
        self.assertEqual(status, "400 Bad Request")

    def test_requests_with_a_session_cookie_take_the_full_stack_and_admins_are_excluded(self):
        admin = User.objects.create_superuser("quan-tri", password="x" * 12)
        client = Client()
        client.force_login(admin)
        cookie = f"sessionid={client.cookies['sessionid'].value}"
        status, _headers = self.call(f"/analytics/hit?p={self.tree['a1'].pk}", HTTP_COOKIE=cookie)
        self.assertEqual(status, "204 No Content")
        self.assertEqual(Hit.objects.get().reason, Reason.ADMIN_USER)

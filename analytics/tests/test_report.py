"""The report: the same exact figures in the command, the admin page and both exports."""

import csv
import io
from datetime import timedelta

from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from django.db import connection
from django.test import Client, TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from analytics.models import DisplayModeDay, PageDay, Reason, SectionTarget
from analytics.rollup import rollup_month, run_rollup
from core.groups import COMMUNICATIONS
from testsupport import make_article, make_section

from . import scenario
from .base import TreeTestCase, send_hit

REPORT_URL = "/admin/reports/visits/"


def expected_rows() -> list[list[str]]:
    return [
        [path, title, str(views), str(visitors)]
        for path, title, views, visitors in scenario.EXPECTED
    ]


class ScriptedVisitsReportTests(TreeTestCase):
    """A scripted day of visits, rolled up once, read through every output."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        scenario.play(cls.tree)
        run_rollup()
        cls.month = timezone.localdate().strftime("%Y-%m")
        cls.staff = User.objects.create_user("truyen-thong", password="x" * 12)
        cls.staff.groups.add(Group.objects.get(name=COMMUNICATIONS))

    def staff_client(self) -> Client:
        client = Client()
        client.force_login(self.staff)
        return client

    def test_analytics_report_command_prints_the_expected_csv(self):
        out = io.StringIO()
        call_command("analytics_report", month=self.month, format="csv", stdout=out)
        lines = list(csv.reader(io.StringIO(out.getvalue())))
        self.assertEqual(lines[0], ["section_path", "section_title", "page_views", "visitors"])
        self.assertEqual(lines[1:], expected_rows())

    def test_the_admin_report_shows_the_expected_rows_in_tree_order(self):
        response = self.staff_client().get(REPORT_URL, {"month": self.month})
        self.assertEqual(response.status_code, 200)
        rows = response.context["rows"]
        self.assertEqual(
            [
                (r.section.url_path, r.section.title, r.current.views, r.current.visitors)
                for r in rows
            ],
            scenario.EXPECTED,
        )
        self.assertContains(response, "<h1", count=1)
        self.assertContains(response, 'role="img"')
        self.assertContains(response, '<title id="portal-daily-title">')

    def test_the_csv_export_holds_the_expected_rows(self):
        response = self.staff_client().get(REPORT_URL, {"month": self.month, "export": "csv"})
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        lines = list(csv.reader(io.StringIO(response.content.decode())))
        self.assertEqual(lines[0][:4], ["section_path", "section_title", "page_views", "visitors"])
        self.assertEqual([line[:4] for line in lines[1:]], expected_rows())

    def test_the_xlsx_export_holds_the_expected_rows(self):
        response = self.staff_client().get(REPORT_URL, {"month": self.month, "export": "xlsx"})
        sheet = load_workbook(io.BytesIO(response.content)).active
        values = [list(row)[:4] for row in sheet.iter_rows(values_only=True)]
        self.assertEqual(values[0], ["section_path", "section_title", "page_views", "visitors"])
        self.assertEqual(values[1:], [[p, t, v, u] for p, t, v, u in scenario.EXPECTED])

    def test_the_daily_chart_and_its_table_show_the_same_numbers(self):
        response = self.staff_client().get(REPORT_URL, {"month": self.month})
        today = timezone.localdate()
        self.assertIn((today, 7, 4), response.context["days"])
        bar = next(bar for bar in response.context["chart"].bars if bar.day == today)
        self.assertEqual(bar.views, 7)
        self.assertContains(response, f'<th scope="row">{today:%d/%m/%Y}</th><td>7</td><td>4</td>')

    def test_the_data_quality_view_counts_each_exclusion(self):
        response = self.staff_client().get(REPORT_URL, {"month": self.month})
        counts = dict(response.context["exclusions"])
        self.assertEqual(counts[Reason.BOT.label], 2)
        self.assertEqual(counts[Reason.DO_NOT_TRACK.label], 1)
        self.assertEqual(counts[Reason.GLOBAL_PRIVACY_CONTROL.label], 1)
        self.assertEqual(counts[Reason.PREFETCH.label], 1)

    def test_a_section_drills_down_to_its_top_pages(self):
        url = f"/admin/reports/visits/section/{self.tree['digital'].pk}/"
        response = self.staff_client().get(url, {"month": self.month})
        self.assertEqual(response.status_code, 200)
        pages = [(page["page__title"], page["views"]) for page in response.context["pages"]]
        self.assertEqual(pages, [("Bài A1", 3), ("Bài A2", 1)])

    def test_a_date_range_gives_the_same_figures_as_its_month(self):
        today = timezone.localdate()
        response = self.staff_client().get(REPORT_URL, {"start": today, "end": today})
        self.assertEqual(response.context["rows"][0].current.views, 7)

    def test_bad_period_input_gets_a_form_error_not_a_500(self):
        client = self.staff_client()
        for params in (
            {"month": "2026-13"},
            {"start": "2026-05-02"},
            {"start": "x", "end": "y"},
            {"start": "2026-05-02", "end": "2026-05-01"},
        ):
            with self.subTest(params=params):
                response = client.get(REPORT_URL, params)
                self.assertEqual(response.status_code, 200)
                self.assertFalse(response.context["form"].is_valid())

    def test_change_against_last_month_and_last_year_and_the_target(self):
        today = timezone.localdate()
        first = today.replace(day=1)
        last_month = (first - timedelta(days=1)).replace(day=1)
        last_year = first.replace(year=first.year - 1)
        for month, views in ((last_month, 14), (last_year, 5)):
            PageDay.objects.create(day=month, page=self.tree["a1"], views=views, visitors=1)
            rollup_month(month)
        SectionTarget.objects.create(section=self.tree["home"], month=today, page_views=28)
        row = self.staff_client().get(REPORT_URL, {"month": self.month}).context["rows"][0]
        self.assertEqual((row.previous.views, row.last_year.views), (14, 5))
        self.assertEqual((row.change_previous, row.change_last_year), (-50.0, 40.0))
        self.assertEqual(row.target_reached, 25.0)

    def test_accessibility_statistics_hide_cells_under_ten(self):
        today = timezone.localdate()
        DisplayModeDay.objects.update_or_create(
            day=today,
            defaults={"visits": 120, "large_text": 12, "high_contrast": 9, "reduced_motion": 10},
        )
        response = self.staff_client().get(REPORT_URL, {"month": self.month})
        row = response.context["display_modes"][0]
        self.assertEqual(
            (row.visits, row.large_text, row.high_contrast, row.reduced_motion), (120, 12, None, 10)
        )

    def test_admin_users_without_the_report_permission_and_anonymous_readers_are_refused(self):
        user = User.objects.create_user("bien-tap", password="x" * 12)
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        client = Client()
        client.force_login(user)
        # Wagtail answers a refused admin view with a redirect to the dashboard and a message.
        self.assertRedirects(client.get(REPORT_URL), "/admin/")
        self.assertRedirects(client.get(REPORT_URL, {"export": "csv"}), "/admin/")
        self.assertNotIn(REPORT_URL, client.get("/admin/").content.decode())
        self.assertEqual(Client().get(REPORT_URL).status_code, 302)  # to the login page

    def test_the_reports_menu_offers_the_report_to_communications_staff_and_superusers(self):
        admin = User.objects.create_superuser("quan-tri", password="x" * 12)
        for user in (self.staff, admin):
            client = Client()
            client.force_login(user)
            with self.subTest(user=user.username):
                self.assertContains(client.get("/admin/"), REPORT_URL)
                self.assertEqual(client.get(REPORT_URL).status_code, 200)

    def test_the_page_editor_side_panel_shows_this_and_last_month(self):
        admin = User.objects.create_superuser("quan-tri", password="x" * 12)
        client = Client()
        client.force_login(admin)
        response = client.get(f"/admin/pages/{self.tree['a1'].pk}/edit/")
        self.assertContains(response, "Lượt truy cập")
        self.assertContains(response, "3 lượt xem, 2 người truy cập")

    def test_the_report_query_count_does_not_grow_with_sections_or_pages(self):
        client = self.staff_client()
        client.get(REPORT_URL, {"month": self.month})
        with CaptureQueriesContext(connection) as before:
            client.get(REPORT_URL, {"month": self.month})
        extra = make_section(self.tree["news"], "Chuyên mục mới", slug="chuyen-muc-moi")
        for number in range(3):
            send_hit(Client(), make_article(extra, f"Bài mới {number}").pk)
        run_rollup()
        with CaptureQueriesContext(connection) as after:
            response = client.get(REPORT_URL, {"month": self.month})
        self.assertEqual(len(response.context["rows"]), len(scenario.EXPECTED) + 1)
        self.assertEqual(len(after.captured_queries), len(before.captured_queries))


class SectionTargetPermissionTests(TestCase):
    def test_communications_staff_may_set_monthly_targets(self):
        staff = User.objects.create_user("truyen-thong", password="x" * 12)
        staff.groups.add(Group.objects.get(name=COMMUNICATIONS))
        self.assertTrue(staff.has_perm("analytics.add_sectiontarget"))
        self.assertTrue(staff.has_perm("analytics.change_sectiontarget"))
        self.assertTrue(staff.has_perm("analytics.view_visit_report"))

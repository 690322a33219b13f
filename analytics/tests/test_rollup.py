"""Rollups: exact per page and per section, idempotent, following the tree; hashes forgotten."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from analytics.models import (
    DailySalt,
    DisplayModeDay,
    DisplayModeHit,
    ExclusionDay,
    Hit,
    PageDay,
    PageMonth,
    Reason,
    RollupState,
    SectionDay,
)
from analytics.report import Period, section_totals
from analytics.rollup import purge_hits, run_rollup
from analytics.sections import report_sections

from . import scenario
from .base import TreeTestCase


class RollupTests(TreeTestCase):
    def section_figures(self) -> dict[str, tuple[int, int]]:
        sections = report_sections()
        (totals,) = section_totals(sections, [Period.month(timezone.localdate())])
        return {s.url_path: (totals[s.page_id].views, totals[s.page_id].visitors) for s in sections}

    def test_a_scripted_day_gives_exact_views_and_visitors_per_page_and_section(self):
        scenario.play(self.tree)
        run_rollup()
        expected = {path: (views, visitors) for path, _title, views, visitors in scenario.EXPECTED}
        self.assertEqual(self.section_figures(), expected)
        a1 = PageDay.objects.get(page=self.tree["a1"])
        self.assertEqual((a1.views, a1.visitors), (3, 2))

    def test_excluded_hits_are_counted_per_reason(self):
        scenario.play(self.tree)
        run_rollup()
        counts = dict(ExclusionDay.objects.values_list("reason", "hits"))
        self.assertEqual(
            counts,
            {
                Reason.BOT: 2,
                Reason.DO_NOT_TRACK: 1,
                Reason.GLOBAL_PRIVACY_CONTROL: 1,
                Reason.PREFETCH: 1,
                Reason.HEADLESS: 1,
            },
        )

    def test_running_the_rollup_twice_changes_nothing(self):
        scenario.play(self.tree)
        run_rollup()
        first = list(
            PageDay.objects.values_list("day", "page_id", "views", "visitors").order_by("page_id")
        )
        call_command("analytics_rollup", verbosity=0)
        second = list(
            PageDay.objects.values_list("day", "page_id", "views", "visitors").order_by("page_id")
        )
        self.assertEqual(first, second)
        self.assertEqual(SectionDay.objects.count(), 5)
        self.assertEqual(PageMonth.objects.get(page=self.tree["a1"]).views, 3)

    def test_moving_an_article_moves_its_views_to_its_new_section(self):
        scenario.play(self.tree)
        run_rollup()
        self.tree["b1"].move(self.tree["digital"], pos="last-child")
        run_rollup()  # today's hashes still exist: visitors are recomputed for the new tree
        figures = self.section_figures()
        self.assertEqual(figures["/tin-tuc/chuyen-doi-so/"], (6, 3))
        self.assertEqual(figures["/tin-tuc/hoat-dong/"], (0, 0))
        self.assertEqual(figures["/tin-tuc/"], (6, 3))

    def test_page_views_follow_the_tree_even_after_the_hashes_are_forgotten(self):
        scenario.play(self.tree)
        run_rollup()
        run_rollup(today=timezone.localdate() + timedelta(days=3))
        self.tree["b1"].move(self.tree["digital"], pos="last-child")
        figures = self.section_figures()
        self.assertEqual(figures["/tin-tuc/chuyen-doi-so/"][0], 6)
        self.assertEqual(figures["/tin-tuc/hoat-dong/"][0], 0)

    def test_salts_and_hashes_are_gone_after_two_days_and_the_counts_stay(self):
        scenario.play(self.tree)
        today = timezone.localdate()
        run_rollup(today=today)
        run_rollup(today=today + timedelta(days=1))
        self.assertTrue(DailySalt.objects.filter(day=today).exists())
        self.assertTrue(Hit.objects.filter(visitor__isnull=False).exists())
        run_rollup(today=today + timedelta(days=2))
        self.assertFalse(DailySalt.objects.exists())
        self.assertFalse(Hit.objects.filter(visitor__isnull=False).exists())
        self.assertEqual(RollupState.objects.get().forgotten_through, today)
        figures = self.section_figures()
        self.assertEqual(figures["/"], (7, 4))

    def test_display_modes_are_counted_per_day(self):
        today = timezone.localdate()
        DisplayModeHit.objects.bulk_create(
            [DisplayModeHit(day=today, large_text=True)] * 12
            + [DisplayModeHit(day=today, high_contrast=True, reduced_motion=True)] * 3
        )
        scenario.play(self.tree)
        run_rollup()
        row = DisplayModeDay.objects.get(day=today)
        self.assertEqual(
            (row.visits, row.large_text, row.high_contrast, row.reduced_motion), (7, 12, 3, 3)
        )

    def test_purge_deletes_raw_hits_older_than_the_retention_and_keeps_rollups(self):
        scenario.play(self.tree)
        run_rollup()
        today = timezone.localdate()
        Hit.objects.create(day=today - timedelta(days=91), page=self.tree["a1"])
        self.assertEqual(purge_hits(today=today), 1)
        self.assertEqual(purge_hits(today=today + timedelta(days=91)), Hit.objects.count() + 13)
        self.assertEqual(PageDay.objects.get(page=self.tree["a1"]).views, 3)

    def test_the_rollup_is_also_a_django_task(self):
        from analytics.tasks import rollup_visits

        scenario.play(self.tree)
        result = rollup_visits.enqueue()
        self.assertIn(timezone.localdate().isoformat(), result.return_value)
        self.assertTrue(PageDay.objects.exists())

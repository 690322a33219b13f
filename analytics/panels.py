"""The editors' dashboard panel of communications staff: the month's visits so far."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse
from django.utils import timezone

from core.editors.panels import DashboardPanel

from .report import Period, daily_views, section_rows


class MonthVisitsPanel(DashboardPanel):
    """This month so far, for communications staff: views, visitors and the busiest sections."""

    name = "portal_month_visits"
    template_name = "portal_editors/panels/month_visits.html"
    order = 100

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        today = timezone.localdate()
        period = Period(today.replace(day=1), today)
        days = daily_views(period)
        rows = sorted(section_rows(period), key=lambda row: row.current.views, reverse=True)
        return {
            "period": period,
            "today": date.today(),
            "views": sum(day[1] for day in days),
            "visitors": sum(day[2] for day in days),
            "sections": [row for row in rows if row.current.views][:5],
            "report_url": reverse("analytics_report"),
        }

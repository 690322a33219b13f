"""Wagtail admin wiring: the report's URLs and menu item, targets, the editor side panel."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.side_panels import PageStatusSidePanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import SectionTarget
from .panels import MonthVisitsPanel

SIDE_PANEL_TEMPLATE = "analytics/side_panel_visits.html"


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/visits/", admin_views.visit_report, name="analytics_report"),
        path(
            "reports/visits/section/<int:page_id>/",
            admin_views.section_report,
            name="analytics_section_report",
        ),
    ]


class VisitReportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return admin_views.can_view_report(request.user)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return VisitReportMenuItem(
        _("Lượt truy cập"), reverse("analytics_report"), icon_name="table", order=900
    )


class SectionTargetViewSet(SnippetViewSet):
    model = SectionTarget
    icon = "pick"
    menu_label = _("Chỉ tiêu truy cập")
    list_display = ["section", "month", "page_views"]


register_snippet(SectionTargetViewSet)


# Wagtail 8 has no hook that adds a side panel; the page status panel lists the templates it
# shows, so the visit figures join that list (shown only to those who may read the report).
_status_templates = PageStatusSidePanel.get_status_templates


def _status_templates_with_visits(self, context):
    templates = _status_templates(self, context)
    if self.object.pk and admin_views.can_view_report(self.request.user):
        templates.append(SIDE_PANEL_TEMPLATE)
    return templates


_status_templates_with_visits.adds_visits = True
if not getattr(_status_templates, "adds_visits", False):
    PageStatusSidePanel.get_status_templates = _status_templates_with_visits


@hooks.register("construct_homepage_panels")
def month_visits_panel(request, panels: list) -> None:
    """Whoever may read the visits report sees the month so far on the dashboard."""
    if admin_views.can_view_report(request.user):
        panels.append(MonthVisitsPanel(request))

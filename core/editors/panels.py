"""Dashboard panels for each role: what an editor, a moderator or communications staff acts on.

Wagtail's own panels stay (pages awaiting my review, my pages in moderation, my recent edits,
locked pages); these add my drafts, what is scheduled, what was just published and, for whoever
may read the visits report, the month so far (`analytics/panels.py`, added by analytics' own
hook: core does not import the apps above it). Each panel reads a bounded, indexed slice (newest
first, LIMIT), so the dashboard costs the same on a site of 100 pages or 120,000.
"""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Page, PageLogEntry, Revision, WorkflowState

__all__ = [
    "DashboardPanel",
    "EditorsGuidePanel",
    "MyDraftsPanel",
    "RecentlyPublishedPanel",
    "ScheduledPanel",
]

LIMIT = 8


class DashboardPanel(Component):
    """A dashboard panel for the request's user (the visits panel of analytics is one too)."""

    def __init__(self, request) -> None:
        self.request = request


class EditorsGuidePanel(DashboardPanel):
    name = "portal_editors_guide"
    template_name = "portal_editors/panels/guide.html"
    order = 50

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        return {"guide_url": reverse("portal_editors_guide")}


class MyDraftsPanel(DashboardPanel):
    """Pages I wrote or last edited whose newest version is not live yet (and not in review)."""

    name = "portal_my_drafts"
    template_name = "portal_editors/panels/my_drafts.html"
    order = 230

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        user = self.request.user
        # Pages in review are listed by Wagtail's own "in moderation" panel.
        in_review = WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type=ContentType.objects.get_for_model(Page),
        ).values_list("object_id", flat=True)
        pages = (
            Page.objects.filter(has_unpublished_changes=True)
            .filter(Q(owner=user) | Q(latest_revision__user=user))
            .exclude(pk__in=[int(pk) for pk in in_review])
            .order_by("-latest_revision_created_at")
            .only("id", "title", "draft_title", "latest_revision_created_at", "live")[:LIMIT]
        )
        return {"pages": list(pages)}


class ScheduledPanel(DashboardPanel):
    """Approved versions waiting for their publication time (published by `publish_scheduled`)."""

    name = "portal_scheduled"
    template_name = "portal_editors/panels/scheduled.html"
    order = 240

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        revisions = (
            Revision.page_revisions.filter(approved_go_live_at__isnull=False)
            .select_related("user")
            .order_by("approved_go_live_at")[:LIMIT]
        )
        rows = [(revision, revision.content_object) for revision in revisions]
        return {"rows": [(r, page) for r, page in rows if page is not None]}


class RecentlyPublishedPanel(DashboardPanel):
    """The latest publications, from the audit log (indexed by time), newest first."""

    name = "portal_recently_published"
    template_name = "portal_editors/panels/recently_published.html"
    order = 260

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        entries = (
            PageLogEntry.objects.filter(action="wagtail.publish")
            .select_related("page", "user")
            .order_by("-timestamp")[: LIMIT * 3]
        )
        seen: set[int] = set()
        rows = []
        for entry in entries:
            if entry.page_id in seen or entry.page is None:
                continue
            seen.add(entry.page_id)
            rows.append(entry)
        return {"entries": rows[:LIMIT]}

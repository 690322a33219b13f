"""Admin hooks for editors: Vietnamese slugs, the dashboard per role, the portal's own guide."""

from django.db import models
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.menu import MenuItem

from . import guide
from .panels import (
    EditorsGuidePanel,
    MyDraftsPanel,
    RecentlyPublishedPanel,
    ScheduledPanel,
)
from .widgets import VietnameseSlugInput

# Every admin form's slug field (pages, snippets) transliterates Vietnamese as the editor types;
# registered after Wagtail's own SlugField override, so this one is used.
register_form_field_override(models.SlugField, override={"widget": VietnameseSlugInput})

# Wagtail's help menu points at its English guide on the internet; ours replaces those two items.
WAGTAIL_HELP_ITEMS = {"editor-guide"}


@hooks.register("insert_editor_js")
def vietnamese_table_editor() -> str:
    """Handsontable's Vietnamese dictionary, so the table editor has its menu (and no error)."""
    return format_html('<script src="{}"></script>', static("portal_editors/handsontable-vi.js"))


@hooks.register("register_admin_urls")
def guide_urls() -> list:
    return [
        path("huong-dan/", guide.guide, name="portal_editors_guide"),
        path("huong-dan/anh/<str:name>", guide.guide_image, name="portal_editors_guide_image"),
    ]


@hooks.register("construct_help_menu")
def portal_guide_in_help_menu(request, menu_items: list) -> None:
    menu_items[:] = [
        item
        for item in menu_items
        if item.name not in WAGTAIL_HELP_ITEMS and not item.name.startswith("whats-new-in-wagtail")
    ]
    menu_items.insert(
        0,
        MenuItem(
            _("Hướng dẫn biên tập"),
            reverse("portal_editors_guide"),
            name="portal-editors-guide",
            icon_name="help",
            order=1000,
        ),
    )


def _has_page_permission(user) -> bool:
    from wagtail.permission_policies.pages import PagePermissionPolicy

    return PagePermissionPolicy().user_has_any_permission(user, ["add", "change", "publish"])


@hooks.register("construct_homepage_panels")
def panels_for_each_role(request, panels: list) -> None:
    """Editors and moderators see their work (analytics adds the month's visits for its readers)."""
    user = request.user
    panels.insert(0, EditorsGuidePanel(request))
    if _has_page_permission(user):
        panels += [MyDraftsPanel(request), ScheduledPanel(request), RecentlyPublishedPanel(request)]

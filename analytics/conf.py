"""The ANALYTICS settings with their defaults, read in one place."""

from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.conf import settings

if TYPE_CHECKING:
    from wagtail.models import Page

DEFAULTS: dict[str, Any] = {
    "RETENTION_DAYS": 90,
    "SECTION_DEPTHS": (1, 2),
    # The page type whose pages root the sections, by label: analytics does not import the
    # site-wide layer above it (docs/architecture.md).
    "HOME_PAGE_MODEL": "sitewide.HomePage",
    "MIN_DISPLAY_CELL": 10,
    # The database alias the beacon writes hits through (see analytics.store).
    "DATABASE": "default",
}


def setting(name: str) -> Any:
    """One ANALYTICS setting, read on every call so tests and deployments can change it."""
    return {**DEFAULTS, **getattr(settings, "ANALYTICS", {})}[name]


def home_page_model() -> "type[Page]":
    """The home page type (each home roots the sections of its language)."""
    return apps.get_model(setting("HOME_PAGE_MODEL"))

"""The ANALYTICS settings with their defaults, read in one place."""

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    "RETENTION_DAYS": 90,
    "SECTION_DEPTHS": (1, 2),
    "MIN_DISPLAY_CELL": 10,
    # The database alias the beacon writes hits through (see analytics.store).
    "DATABASE": "default",
}


def setting(name: str) -> Any:
    """One ANALYTICS setting, read on every call so tests and deployments can change it."""
    return {**DEFAULTS, **getattr(settings, "ANALYTICS", {})}[name]

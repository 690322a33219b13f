"""The ANALYTICS settings with their defaults, read in one place."""

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    "RETENTION_DAYS": 90,
    "SECTION_DEPTHS": (1, 2),
    "MIN_DISPLAY_CELL": 10,
}


def setting(name: str) -> Any:
    return {**DEFAULTS, **getattr(settings, "ANALYTICS", {})}[name]

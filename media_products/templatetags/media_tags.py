"""Durations written for people (2 phút 5 giây) and for machines (PT2M5S)."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


def _parts(seconds: float | None) -> tuple[int, int, int]:
    total = round(seconds or 0)
    return total // 3600, total % 3600 // 60, total % 60


@register.filter
def duration_iso(seconds: float | None) -> str:
    hours, minutes, secs = _parts(seconds)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + f"{secs}S"


@register.filter
def duration_text(seconds: float | None) -> str:
    hours, minutes, secs = _parts(seconds)
    words = []
    if hours:
        words.append(_("%(n)s giờ") % {"n": hours})
    if minutes:
        words.append(_("%(n)s phút") % {"n": minutes})
    if secs or not words:
        words.append(_("%(n)s giây") % {"n": secs})
    return " ".join(words)

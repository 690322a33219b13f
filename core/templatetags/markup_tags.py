"""Values for HTML attributes that the HTML standard constrains more tightly than Python prints them."""

from datetime import date, datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def html_datetime(value: date | datetime | None) -> str:
    """A `<time datetime>` value the HTML standard accepts.

    Django's `date:'c'` prints microseconds (six digits), but a valid global date and time string
    allows at most three digits of fractional seconds, so the Nu Html Checker rejects it. Seconds
    are all a reader's tools need; the offset is the site's time zone, as the visible date is.
    """
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.isoformat(timespec="seconds")
    return value.isoformat()

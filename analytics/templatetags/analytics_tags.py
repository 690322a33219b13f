"""Template helpers of the visit report and the editor's side panel."""

from datetime import timedelta

from django import template
from django.utils import timezone

from analytics.models import PageMonth

register = template.Library()


@register.simple_tag
def page_visit_figures(page) -> dict:
    """This month's and last month's views and visitors of one page (one query)."""
    this_month = timezone.localdate().replace(day=1)
    last_month = (this_month - timedelta(days=1)).replace(day=1)
    found = {
        row.month: row
        for row in PageMonth.objects.filter(page_id=page.pk, month__in=[this_month, last_month])
    }
    return {
        "this_month": found.get(this_month),
        "last_month": found.get(last_month),
        "this_month_start": this_month,
        "last_month_start": last_month,
    }


@register.filter
def signed_percent(value) -> str:
    """+12,5 % / -3 % / — for a change that cannot be computed."""
    if value is None:
        return "—"
    sign = "+" if value > 0 else ("\u2212" if value < 0 else "")
    return f"{sign}{abs(value):g} %".replace(".", ",")

"""The visit report in the Wagtail admin (Reports → Lượt truy cập) and its exports."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .chart import daily_chart
from .exports import to_csv, to_xlsx
from .forms import PeriodForm
from .report import (
    Period,
    daily_views,
    display_mode_days,
    exclusion_counts,
    section_rows,
    top_pages,
)
from .sections import report_sections

PERMISSION = "analytics.view_visit_report"


def can_view_report(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm(PERMISSION))


def _require_permission(request: HttpRequest) -> None:
    if not can_view_report(request.user):
        raise PermissionDenied


def _export(request: HttpRequest, rows, period: Period) -> HttpResponse | None:
    kind = request.GET.get("export")
    name = f"luot-truy-cap-{period.start:%Y%m%d}-{period.end:%Y%m%d}"
    if kind == "csv":
        response = HttpResponse(to_csv(rows), content_type="text/csv; charset=utf-8")
    elif kind == "xlsx":
        response = HttpResponse(
            to_xlsx(rows, f"{period.start:%Y-%m-%d}"),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        return None
    response["Content-Disposition"] = f'attachment; filename="{name}.{kind}"'
    return response


def visit_report(request: HttpRequest) -> HttpResponse:
    """Sections in tree order with figures, comparisons and targets; the chart; data quality."""
    _require_permission(request)
    form = PeriodForm(request.GET or None)
    period = form.period()
    rows = section_rows(period)
    export = _export(request, rows, period)
    if export is not None:
        return export
    days = daily_views(period)
    return TemplateResponse(
        request,
        "analytics/report.html",
        {
            "form": form,
            "period": period,
            "previous": period.previous(),
            "last_year": period.last_year(),
            "rows": rows,
            "days": days,
            "chart": daily_chart(days),
            "exclusions": exclusion_counts(period),
            "display_modes": display_mode_days(period),
            "query": request.GET.urlencode(),
        },
    )


def section_report(request: HttpRequest, page_id: int) -> HttpResponse:
    """Drill-down: one section's top pages and its daily visits in the period."""
    _require_permission(request)
    section = next((s for s in report_sections() if s.page_id == page_id), None)
    if section is None:
        raise Http404(_("Không có chuyên mục này trong báo cáo."))
    form = PeriodForm(request.GET or None)
    period = form.period()
    days = daily_views(period, section)
    return TemplateResponse(
        request,
        "analytics/section.html",
        {
            "form": form,
            "section": section,
            "period": period,
            "pages": top_pages(section, period),
            "days": days,
            "chart": daily_chart(days),
            "query": request.GET.urlencode(),
        },
    )

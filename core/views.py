"""Site-wide views: display settings and the error pages."""

from dataclasses import replace

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.display import COOKIE_MAX_AGE, COOKIE_NAME, TEXT_SIZES, DisplaySettings
from core.forms import DisplaySettingsForm
from core.security.ratelimit import rate_limited


def _safe_next(request: HttpRequest) -> str | None:
    candidate = request.POST.get("next") or request.GET.get("next")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return None


# Exempt from CSRF so that every public page can carry the header's display form without a token
# (a token sets a cookie and makes the page uncacheable for the page cache and a CDN). Safe: the
# only effect of a forged post is a cosmetic cookie (text size, contrast, spacing) from a closed
# set of values, with SameSite=Lax, no account, no data, and `next` limited to this host.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limited("forms", methods=("POST",))
def display_settings(request: HttpRequest) -> HttpResponse:
    """Show or change the reader's display settings; the header's quick buttons post here too."""
    current = DisplaySettings.from_request(request)
    if request.method != "POST":
        form = DisplaySettingsForm.for_settings(current)
        context = {
            "form": form,
            "next": _safe_next(request),
            "saved": request.GET.get("saved") == "1",
        }
        return render(request, "portal/display_settings.html", context)

    if request.POST.get("quick"):
        # The header's buttons change one thing and keep the rest.
        chosen = current
        size = request.POST.get("text_size")
        if size in TEXT_SIZES:
            chosen = replace(chosen, text_size=size)
        toggle = request.POST.get("toggle")
        if toggle == "contrast":
            chosen = replace(chosen, high_contrast=not chosen.high_contrast)
        elif toggle == "spacing":
            chosen = replace(chosen, wide_spacing=not chosen.wide_spacing)
        elif toggle == "reset":
            chosen = DisplaySettings()
    else:
        form = DisplaySettingsForm(request.POST)
        if not form.is_valid():
            return render(
                request,
                "portal/display_settings.html",
                {"form": form, "next": _safe_next(request)},
                status=400,
            )
        chosen = form.to_settings()

    response = HttpResponseRedirect(_safe_next(request) or reverse("display_settings") + "?saved=1")
    if chosen.is_default:
        response.delete_cookie(COOKIE_NAME, samesite="Lax")
    else:
        response.set_cookie(
            COOKIE_NAME,
            chosen.to_cookie(),
            max_age=COOKIE_MAX_AGE,
            samesite="Lax",
            httponly=True,
            secure=request.is_secure(),
        )
    return response


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", {"page_title": _("Không tìm thấy trang")}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors and no database here: whatever broke must not break this page too.
    return HttpResponse(loader.get_template("500.html").render(), status=500)

"""The admin's 2FA screens: enrol an authenticator app, verify a code, manage one's device."""

import io
import logging

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from .twofactor import two_factor_required

logger = logging.getLogger("portal.security.twofactor")

SETUP_DEVICE_NAME = "portal-setup"
DEVICE_NAME = "authenticator"


class TokenForm(forms.Form):
    otp_token = forms.CharField(
        label=gettext_lazy("Mã xác thực gồm 6 chữ số"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9 ]*"}
        ),
        help_text=gettext_lazy("Mở ứng dụng xác thực trên điện thoại và nhập mã đang hiển thị."),
    )

    def clean_otp_token(self) -> str:
        token = self.cleaned_data["otp_token"].replace(" ", "")
        if not token.isdigit():
            raise forms.ValidationError(_("Mã xác thực chỉ gồm chữ số."))
        return token


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    return reverse("wagtailadmin_home")


def _confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def _pending_device(user) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=False, name=SETUP_DEVICE_NAME).first()
    return device or TOTPDevice.objects.create(user=user, confirmed=False, name=SETUP_DEVICE_NAME)


def _grouped_secret(device: TOTPDevice) -> str:
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _token_is_valid(device: TOTPDevice, form: TokenForm) -> bool:
    allowed, _details = device.verify_is_allowed()
    if not allowed:
        form.add_error(
            "otp_token", _("Đã nhập sai quá nhiều lần. Vui lòng đợi một lúc rồi thử lại.")
        )
        return False
    if device.verify_token(form.cleaned_data["otp_token"]):
        return True
    form.add_error("otp_token", _("Mã xác thực không đúng hoặc đã hết hạn. Hãy nhập mã mới nhất."))
    return False


@never_cache
@require_http_methods(["GET", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    """Enrol (or replace) the user's authenticator: scan the code or type the key, then confirm."""
    user = request.user
    if user_has_device(user) and not user.is_verified():
        # Replacing a device needs the current one first, or a stolen password would be enough.
        return HttpResponseRedirect(
            reverse("portal_2fa_verify") + "?next=" + reverse("portal_2fa_setup")
        )
    device = _pending_device(user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _token_is_valid(device, form):
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.name, device.confirmed = DEVICE_NAME, True
        device.save(update_fields=["name", "confirmed"])
        otp_login(request, device)
        logger.info(
            "two-factor device enrolled", extra={"event": "2fa_enrolled", "user_id": user.pk}
        )
        messages.success(request, _("Đã bật xác thực hai bước cho tài khoản của bạn."))
        return HttpResponseRedirect(_next_url(request))
    context = {
        "form": form,
        "secret": _grouped_secret(device),
        "next": _next_url(request),
        "required": two_factor_required(user),
        "replacing": user_has_device(user),
    }
    return render(request, "portal_security/two_factor_setup.html", context)


@never_cache
def setup_qr_code(request: HttpRequest) -> HttpResponse:
    """The pending device's otpauth:// link as an SVG QR code (an image, so the CSP allows it)."""
    device = TOTPDevice.objects.filter(
        user=request.user, confirmed=False, name=SETUP_DEVICE_NAME
    ).first()
    if device is None:
        return HttpResponse(status=404)
    buffer = io.BytesIO()
    segno.make(device.config_url, error="m").save(
        buffer, kind="svg", scale=6, border=4, xmldecl=False
    )
    response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """The second step of signing in: a code from the enrolled authenticator."""
    device = _confirmed_device(request.user)
    if device is None:
        return HttpResponseRedirect(reverse("portal_2fa_setup"))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _token_is_valid(device, form):
        otp_login(request, device)
        logger.info(
            "two-factor verified", extra={"event": "2fa_verified", "user_id": request.user.pk}
        )
        return HttpResponseRedirect(_next_url(request))
    if request.method == "POST" and form.errors:
        logger.warning(
            "two-factor code refused", extra={"event": "2fa_refused", "user_id": request.user.pk}
        )
    return render(
        request,
        "portal_security/two_factor_verify.html",
        {"form": form, "next": _next_url(request)},
    )


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest) -> HttpResponse:
    """The user's 2FA status, with a way to replace the device or (if optional) turn 2FA off."""
    user = request.user
    required = two_factor_required(user)
    if request.method == "POST" and request.POST.get("action") == "disable":
        if required:
            messages.error(
                request, _("Tài khoản của bạn bắt buộc dùng xác thực hai bước; không thể tắt.")
            )
        elif user_has_device(user) and not user.is_verified():
            messages.error(request, _("Hãy xác thực bằng mã trước khi tắt xác thực hai bước."))
        else:
            TOTPDevice.objects.filter(user=user).delete()
            logger.info("two-factor disabled", extra={"event": "2fa_disabled", "user_id": user.pk})
            messages.success(request, _("Đã tắt xác thực hai bước."))
        return HttpResponseRedirect(reverse("portal_2fa_manage"))
    context = {
        "enrolled": user_has_device(user),
        "required": required,
        "enforced": settings.PORTAL_2FA_ENFORCED,
    }
    return render(request, "portal_security/two_factor_manage.html", context)

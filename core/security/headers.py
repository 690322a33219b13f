"""Response headers: the CSP (one policy for readers, a looser one for the admin) and the rest."""

import re
from collections.abc import Callable

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase

__all__ = ["PortalCSPMiddleware", "SecurityHeadersMiddleware", "is_admin_path"]


def is_admin_path(path: str) -> bool:
    """Whether a request path belongs to the Wagtail admin (wherever it is mounted)."""
    return settings.PORTAL_ADMIN_ENABLED and path.startswith("/" + settings.PORTAL_ADMIN_PATH)


# Wagtail 8's admin still writes a few inline scripts: chooser and date widgets and inline panels
# initialise themselves with one call whose arguments are JSON. Those calls, and only those, get
# the response's nonce; any other inline script (an injected one) stays blocked.
_WAGTAIL_INIT_SCRIPTS = re.compile(
    r"""\s*(?:
        new\ [A-Z][A-Za-z]*Chooser\("[^"<]*",\ \{[^<]*\}\);
      | init(?:Date|Time|DateTime)Chooser\("[^"<]*",\ \{[^<]*\}\);
      | createTaskChooser\("[^"<]*"\);
      | \(function\(\)\ \{\s*var\ panel\ =\ new\ (?:InlinePanel|MultipleChooserPanel)
            \(JSON\.parse\("[^"<]*"\)\);\s*\}\)\(\);
    )\s*""",
    re.VERBOSE,
)
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def grant_nonce_to_wagtail_scripts(html: str, nonce: str) -> str:
    """The admin page with `nonce` added to Wagtail's own widget-initialising inline scripts."""

    def grant(match: re.Match) -> str:
        if _WAGTAIL_INIT_SCRIPTS.fullmatch(match.group(1)):
            return f'<script nonce="{nonce}">{match.group(1)}</script>'
        return match.group(0)

    return _INLINE_SCRIPT.sub(grant, html)


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp with the admin policy under the admin path and the public policy elsewhere."""

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if (
            is_admin_path(request.path_info)
            and not getattr(response, "streaming", False)
            and response.get("Content-Type", "").startswith("text/html")
            and b"<script>" in response.content
        ):
            html = response.content.decode(response.charset or "utf-8")
            response.content = grant_nonce_to_wagtail_scripts(html, str(request.csp_nonce)).encode(
                response.charset or "utf-8"
            )
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return super().process_response(request, response)

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = default_config(settings.PORTAL_ADMIN_CSP)
        return parts


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not send: Permissions-Policy, cross-origin policies.

    Cross-Origin-Opener-Policy keeps other sites' windows from scripting ours; the
    Cross-Origin-Resource-Policy stops other origins from embedding our responses as resources.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PORTAL_PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response

"""Production settings pass the deployment checks; responses carry the browser policies."""

import os
import secrets
import subprocess
import sys
from importlib import reload

import pytest
from django.test import override_settings
from django.urls import clear_url_caches

DEPLOYMENT_ENV = {
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "portal.example.gov.vn",
    "DATABASE_URL": "postgres://portal@127.0.0.1:5432/portal",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
}


def _manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    dropped = {"DEBUG", "SECRET_KEY", "DATABASE_URL"}
    clean = {k: v for k, v in os.environ.items() if k not in dropped}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_no_issue_with_a_deployment_environment():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=DEPLOYMENT_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("missing", ["ALLOWED_HOSTS", "REDIS_URL"])
def test_production_refuses_to_start_without_a_required_setting(missing):
    env = {k: v for k, v in DEPLOYMENT_ENV.items() if k != missing}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert f"{missing} must" in result.stderr


def _csp(response) -> dict[str, list[str]]:
    policy = {}
    for directive in response["Content-Security-Policy"].split(";"):
        name, *values = directive.split()
        policy[name] = values
    return policy


def test_public_page_sends_a_strict_csp_without_inline_or_third_party_sources(client, home):
    response = client.get("/")
    assert response.status_code == 200
    policy = _csp(response)
    for directive in ("script-src", "style-src"):
        assert policy[directive] == ["'self'"], directive
    for values in policy.values():
        assert "'unsafe-inline'" not in values and "'unsafe-eval'" not in values
        assert not any(v.startswith(("http:", "https:", "*")) for v in values), values
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]


def test_public_page_sends_the_other_browser_policies(client, home):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@override_settings(
    SECURE_HSTS_SECONDS=63_072_000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True, SECURE_HSTS_PRELOAD=True
)
def test_https_responses_carry_hsts_as_configured_in_production(client, home):
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=63072000; includeSubDomains; preload"


def test_admin_gets_its_own_policy_with_a_nonce_only_for_wagtail_widget_scripts(admin_client, home):
    response = admin_client.get(f"/admin/pages/{home.pk}/edit/")
    assert response.status_code == 200
    policy = _csp(response)
    nonces = [v for v in policy["script-src"] if v.startswith("'nonce-")]
    assert policy["script-src"][0] == "'self'" and len(nonces) == 1
    assert "'unsafe-inline'" not in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_an_unknown_inline_script_in_an_admin_page_gets_no_nonce():
    from core.security.headers import grant_nonce_to_wagtail_scripts

    html = (
        '<script>new ImageChooser("id_image", {"modalUrl": "/admin/images/chooser/"});</script>'
        "<script>alert(document.cookie)</script>"
        '<script>initDateTimeChooser("id_x", {"a": 1}); alert(1)</script>'
    )
    granted = grant_nonce_to_wagtail_scripts(html, "abc")
    assert granted.count('nonce="abc"') == 1
    assert "<script>alert(document.cookie)</script>" in granted
    assert '<script>initDateTimeChooser("id_x", {"a": 1}); alert(1)</script>' in granted


def test_session_and_csrf_cookies_are_httponly_and_samesite(settings):
    assert settings.SESSION_COOKIE_HTTPONLY and settings.CSRF_COOKIE_HTTPONLY
    assert settings.SESSION_COOKIE_SAMESITE == "Lax" and settings.CSRF_COOKIE_SAMESITE == "Lax"


def test_production_cookies_are_secure_and_host_bound():
    code = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_NAME, "
        "s.PORTAL_2FA_ENFORCED, s.SECURE_SSL_REDIRECT)"
    )
    result = _manage("shell", "-c", code, env=DEPLOYMENT_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-5:] == ["True", "True", "__Host-sessionid", "True", "True"]


@pytest.fixture
def reload_urls():
    """Rebuild the URL map after a test changed the admin settings, and restore it afterwards."""
    from django.conf import settings as live_settings
    from django.test import override_settings

    import portal.urls

    original = {
        "PORTAL_ADMIN_ENABLED": live_settings.PORTAL_ADMIN_ENABLED,
        "PORTAL_ADMIN_PATH": live_settings.PORTAL_ADMIN_PATH,
    }

    def rebuild():
        reload(portal.urls)
        clear_url_caches()

    yield rebuild
    # This teardown runs before the `settings` fixture restores the admin settings, so rebuild
    # with the original values explicitly; otherwise every later test would see no admin URLs.
    with override_settings(**original):
        rebuild()


def test_admin_path_is_configurable(client, home, settings, reload_urls):
    settings.PORTAL_ADMIN_PATH = "quan-tri-noi-bo/"
    reload_urls()
    assert client.get("/quan-tri-noi-bo/login/").status_code == 200
    assert client.get("/admin/login/").status_code == 404


def test_public_only_deployment_serves_no_admin_url(client, home, settings, reload_urls):
    settings.PORTAL_ADMIN_ENABLED = False
    reload_urls()
    for path in ("/admin/", "/admin/login/", "/admin/pages/"):
        assert client.get(path).status_code == 404, path
    assert client.get("/").status_code == 200

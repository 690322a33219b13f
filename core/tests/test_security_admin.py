"""The admin is locked down: login lockout, two-factor authentication, idle sessions expire."""

import logging
import time

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.groups import EDITORS, MODERATORS
from core.security.sessions import LAST_SEEN_KEY

PASSWORD = "mat-khau-dung-ca-ky-tu-123"
ATTACKER = "198.51.100.7"


@pytest.fixture(autouse=True)
def fresh_counters():
    # Lockouts live in the shared cache; each test starts (and leaves) it clean.
    cache.clear()
    yield
    cache.clear()


def _user(username: str, group: str | None = None, **fields) -> User:
    user = User.objects.create_user(username, f"{username}@example.gov.vn", PASSWORD, **fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db) -> User:
    return _user("bientap", EDITORS)


@pytest.fixture
def moderator(db) -> User:
    return _user("kiemduyet", MODERATORS)


def _login(client, username: str, password: str, address: str = "192.0.2.10"):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


# --- Lockout -------------------------------------------------------------------------------


def test_login_is_locked_after_the_configured_failures_even_with_the_right_password(
    client, editor, settings, caplog
):
    settings.AXES_FAILURE_LIMIT = 3
    caplog.set_level(logging.INFO)
    for _ in range(2):
        assert _login(client, "bientap", "sai-mat-khau", ATTACKER).status_code == 200
    locked = _login(client, "bientap", "sai-mat-khau", ATTACKER)
    assert locked.status_code == 429
    assert "bị khóa" in locked.content.decode()
    assert int(locked["Retry-After"]) > 0

    still_locked = _login(client, "bientap", PASSWORD, ATTACKER)
    assert still_locked.status_code == 429
    assert "_auth_user_id" not in client.session

    lock_lines = [r for r in caplog.records if getattr(r, "event", None) == "login_locked"]
    assert lock_lines and "bientap" in lock_lines[0].getMessage()
    assert not any(ATTACKER in r.getMessage() for r in caplog.records)


def test_the_lock_holds_the_account_from_that_source_only(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 2
    for _ in range(2):
        _login(client, "bientap", "sai-mat-khau", ATTACKER)
    response = _login(client, "bientap", PASSWORD, "203.0.113.20")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_lockout_stores_no_client_address(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 2
    for _ in range(2):
        _login(client, "bientap", "sai-mat-khau", ATTACKER)
    stored = repr(dict(cache._cache)) + repr(list(cache._cache.keys()))
    assert ATTACKER not in stored


# --- Two-factor authentication -------------------------------------------------------------


@pytest.fixture
def enforced(settings):
    settings.PORTAL_2FA_ENFORCED = True
    return settings


def _current_token(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_moderator_must_enrol_before_using_the_admin(client, moderator, enforced):
    client.force_login(moderator)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/setup/?next=%2Fadmin%2Fpages%2F")


def test_superuser_must_enrol_too(client, enforced, db):
    admin = _user("quantri", is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/setup/")


def test_enrolment_shows_a_qr_code_and_the_key_then_confirms_with_a_code(
    client, moderator, enforced
):
    enforced.OTP_TOTP_THROTTLE_FACTOR = (
        0  # the wrong code below would otherwise delay the right one
    )
    client.force_login(moderator)
    page = client.get("/admin/2fa/setup/?next=/admin/pages/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Bật xác thực hai bước" in html and 'src="/admin/2fa/setup/qr.svg"' in html
    qr = client.get("/admin/2fa/setup/qr.svg")
    assert qr["Content-Type"] == "image/svg+xml" and qr.content.startswith(b"<svg")

    device = TOTPDevice.objects.get(user=moderator, confirmed=False)
    assert device.key  # the key shown on the page, grouped for typing
    wrong = client.post("/admin/2fa/setup/", {"otp_token": "000000", "next": "/admin/pages/"})
    assert wrong.status_code == 200
    assert "Mã xác thực không đúng" in wrong.content.decode()

    done = client.post(
        "/admin/2fa/setup/", {"otp_token": _current_token(device), "next": "/admin/pages/"}
    )
    assert done.status_code == 302 and done["Location"] == "/admin/pages/"
    assert TOTPDevice.objects.get(user=moderator).confirmed
    assert client.get("/admin/pages/").status_code == 200


def test_enrolled_user_enters_a_code_after_the_password(client, moderator, enforced):
    enforced.OTP_TOTP_THROTTLE_FACTOR = 0
    device = TOTPDevice.objects.create(user=moderator, name="authenticator", confirmed=True)
    assert _login(client, "kiemduyet", PASSWORD).status_code == 302
    response = client.get("/admin/")
    assert response["Location"].startswith("/admin/2fa/verify/")
    assert client.get("/admin/2fa/setup/")["Location"].startswith("/admin/2fa/verify/")

    refused = client.post("/admin/2fa/verify/", {"otp_token": "123456", "next": "/admin/"})
    assert "Mã xác thực không đúng" in refused.content.decode()
    assert client.get("/admin/").status_code == 302

    accepted = client.post(
        "/admin/2fa/verify/", {"otp_token": _current_token(device), "next": "/admin/"}
    )
    assert accepted["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_repeated_wrong_codes_are_throttled(client, moderator, enforced):
    device = TOTPDevice.objects.create(user=moderator, name="authenticator", confirmed=True)
    client.force_login(moderator)
    client.post("/admin/2fa/verify/", {"otp_token": "111111"})
    response = client.post("/admin/2fa/verify/", {"otp_token": _current_token(device)})
    assert "Đã nhập sai quá nhiều lần" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_verification_refuses_a_next_url_on_another_site(client, moderator, enforced):
    device = TOTPDevice.objects.create(user=moderator, name="authenticator", confirmed=True)
    client.force_login(moderator)
    response = client.post(
        "/admin/2fa/verify/", {"otp_token": _current_token(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


def test_editor_uses_the_admin_without_2fa_when_it_is_optional(client, editor, enforced):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_editor_must_enrol_when_the_setting_requires_it(client, editor, enforced):
    enforced.PORTAL_2FA_REQUIRED_FOR_EDITORS = True
    client.force_login(editor)
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/setup/")


def test_editor_who_enrolled_must_use_the_second_factor(client, editor, enforced):
    TOTPDevice.objects.create(user=editor, name="authenticator", confirmed=True)
    client.force_login(editor)
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/verify/")


def test_moderator_cannot_turn_2fa_off_but_an_editor_can(client, moderator, editor, enforced):
    for user, remaining in ((moderator, 1), (editor, 0)):
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
        client.force_login(user)
        client.post("/admin/2fa/verify/", {"otp_token": _current_token(device)})
        response = client.post("/admin/2fa/", {"action": "disable"}, follow=True)
        assert response.status_code == 200
        assert TOTPDevice.objects.filter(user=user).count() == remaining


def test_the_account_page_links_to_2fa_management(client, editor):
    client.force_login(editor)
    assert "/admin/2fa/" in client.get("/admin/account/").content.decode()


# --- Idle sessions ------------------------------------------------------------------------


def test_an_idle_admin_session_ends_with_a_message(client, editor, settings):
    settings.PORTAL_ADMIN_IDLE_TIMEOUT = 600
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    session = client.session
    assert session.get_expiry_age() == 600
    session[LAST_SEEN_KEY] = int(time.time()) - 601
    session.save()

    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/admin/login/")
    assert "không hoạt động quá 10 phút" in response.content.decode()


def test_an_active_admin_session_stays_open(client, editor, settings):
    settings.PORTAL_ADMIN_IDLE_TIMEOUT = 600
    client.force_login(editor)
    client.get("/admin/")
    session = client.session
    session[LAST_SEEN_KEY] = int(time.time()) - 300
    session.save()
    assert client.get("/admin/").status_code == 200

"""`manage.py reset_2fa`: a lost authenticator is reset for one account only, on confirmation, audited."""

import io
import logging
from base64 import b32encode

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from core.security.twofactor import RESET_LOG_ACTION

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator() -> User:
    user = User.objects.create_user("kiemduyet", "kiemduyet@example.gov.vn", "mat-khau-123")
    TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    TOTPDevice.objects.create(user=user, name="portal-setup", confirmed=False)
    return user


@pytest.fixture
def colleague() -> User:
    user = User.objects.create_user("dongnghiep", "dongnghiep@example.gov.vn", "mat-khau-456")
    TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    return user


def reset(*args: str, answer: str | None = None, language: str = "vi") -> str:
    # A language explicitly: an earlier test's request may have left English active in this thread.
    out = io.StringIO()
    options = {"stdout": out}
    if answer is not None:
        options["stdin"] = io.StringIO(answer)
    with translation.override(language):
        call_command("reset_2fa", *args, **options)
    return out.getvalue()


def test_reset_removes_every_device_of_the_user_pending_ones_too(moderator):
    reset("kiemduyet", "--yes")

    assert not TOTPDevice.objects.filter(user=moderator).exists()


def test_other_users_keep_their_devices(moderator, colleague):
    reset("kiemduyet", "--yes")

    assert TOTPDevice.objects.filter(user=colleague, confirmed=True).count() == 1


def test_unknown_user_is_refused_with_a_message_naming_it(moderator):
    with pytest.raises(CommandError, match="khong-co-ai"):
        reset("khong-co-ai", "--yes")
    assert TOTPDevice.objects.filter(user=moderator).count() == 2


def test_unknown_user_message_is_translated_to_english():
    with pytest.raises(CommandError, match="No account is named"):
        reset("khong-co-ai", "--yes", language="en")


@pytest.mark.parametrize("answer", ["", "k\n", "không\n", "n\n"])
def test_nothing_is_deleted_without_confirmation(moderator, answer):
    output = reset("kiemduyet", answer=answer)

    assert TOTPDevice.objects.filter(user=moderator).count() == 2
    assert not ModelLogEntry.objects.filter(action=RESET_LOG_ACTION).exists()
    assert "[c/K]" in output


@pytest.mark.parametrize("answer", ["c\n", "có\n", "y\n", "YES\n"])
def test_a_confirmed_prompt_resets(moderator, answer):
    reset("kiemduyet", answer=answer)

    assert not TOTPDevice.objects.filter(user=moderator).exists()


def test_reset_is_in_wagtails_audit_log_on_the_user(moderator):
    reset("kiemduyet", "--yes")

    entry = ModelLogEntry.objects.get(action=RESET_LOG_ACTION)
    assert entry.object_id == str(moderator.pk)
    assert entry.content_type.model_class() is User
    assert entry.data["devices"] == 2
    assert entry.data["device_types"] == ["otp_totp.TOTPDevice"]


def test_auditor_sees_the_reset_in_site_history(client, moderator):
    reset("kiemduyet", "--yes")
    auditor = User.objects.create_superuser("kiemtoan", "kiemtoan@example.gov.vn", "mat-khau-789")
    client.force_login(auditor)

    for url in (
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailusers_users:history", args=[moderator.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Đã xóa 2 thiết bị xác thực hai bước" in response.content.decode(), url


def test_reset_is_logged_without_the_device_secret(moderator, caplog):
    keys = [b32encode(d.bin_key).decode() for d in TOTPDevice.objects.filter(user=moderator)]
    hex_keys = list(TOTPDevice.objects.filter(user=moderator).values_list("key", flat=True))

    with caplog.at_level(logging.INFO, logger="portal.security.twofactor"):
        reset("kiemduyet", "--yes")

    records = [r for r in caplog.records if getattr(r, "event", None) == "2fa_reset"]
    assert len(records) == 1
    assert records[0].user_id == moderator.pk
    logged = caplog.text
    assert not any(secret in logged for secret in keys + hex_keys)


def test_user_without_devices_is_told_so_and_nothing_is_logged(colleague):
    TOTPDevice.objects.filter(user=colleague).delete()

    output = reset("dongnghiep", "--yes")

    assert "dongnghiep" in output
    assert not ModelLogEntry.objects.filter(action=RESET_LOG_ACTION).exists()

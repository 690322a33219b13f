"""Production settings refuse unsafe starts."""

import os
import secrets
import subprocess
import sys

import pytest


def _import_production(env: dict) -> subprocess.CompletedProcess:
    code = "import django; django.setup(); print('ok')"
    full_env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    full_env.update(env, DJANGO_SETTINGS_MODULE="portal.settings.production")
    return subprocess.run(
        [sys.executable, "-c", code], env=full_env, capture_output=True, text=True, timeout=60
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _import_production({})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_with_debug_on():
    result = _import_production({"SECRET_KEY": secrets.token_urlsafe(50), "DEBUG": "true"})
    assert result.returncode != 0
    assert "DEBUG must not be on" in result.stderr


@pytest.mark.parametrize("value", ["1", "yes", "on", "TRUE"])
def test_env_bool_understands_common_spellings(monkeypatch, value):
    from portal.settings.base import env_bool

    monkeypatch.setenv("SOME_SWITCH", value)
    assert env_bool("SOME_SWITCH") is True

"""Test runs: fast hashing, in-memory mail and media in a temporary folder."""

import os
import tempfile

# Test set-up (migrations, flushes between transactional tests) runs with the commands' statement
# timeout, as management commands do; core/tests/test_dbguard.py checks the web one.
os.environ.setdefault("PORTAL_PROCESS", "command")

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["*"]
PORTAL_SERVE_MEDIA = True
# Static files straight from the source folders (no collectstatic before tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# One test client asks far faster than a reader; the rate-limit tests switch limits back on.
PORTAL_RATELIMIT_ENABLED = False
# Hits go through the test's own connection (and transaction); the tests of the beacon's
# dedicated PostgreSQL connection switch ANALYTICS["DATABASE"] to "analytics" themselves.
ANALYTICS = {**ANALYTICS, "DATABASE": "default"}  # noqa: F405

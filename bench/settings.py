"""Settings for `make bench`: production's (PostgreSQL, Redis) in full mode, base ones in quick mode.

Differences from production, each for the measurement only: the URL map adds the ceiling view,
HTTPS redirects are off (wrk speaks plain HTTP on 127.0.0.1), static files are served by whitenoise
from the finders (no collectstatic of the whole admin), and rate limits are off (every request of
the benchmark comes from one client).
"""

import os

if os.environ.get("BENCH_PRODUCTION") == "1":
    from portal.settings.production import *  # noqa: F403
else:
    from portal.settings.base import *  # noqa: F403
    from portal.settings.base import SECRET_KEY

    SECRET_KEY = SECRET_KEY or "bench-only-key-never-used-for-a-real-site-0123456789abcdef"

ROOT_URLCONF = "bench.urls"
SECURE_SSL_REDIRECT = False
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = False
PORTAL_RATELIMIT_ENABLED = False

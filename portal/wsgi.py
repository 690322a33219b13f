"""WSGI entry point for gunicorn: the portal, with the analytics beacon answered on a fast path."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

# The whole Django stack (every page, the admin, and beacon calls from logged-in users).
django_application = get_wsgi_application()

# Every page view calls the beacon: it skips the page middleware (see analytics.wsgi).
from analytics.wsgi import BeaconFastPath  # noqa: E402  (needs the apps loaded above)

application = BeaconFastPath(django_application)

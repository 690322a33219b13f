"""gunicorn entry point for the benchmark server (bench settings: the portal plus the ceiling view)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

application = get_wsgi_application()

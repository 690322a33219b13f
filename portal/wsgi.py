"""WSGI entry point for gunicorn: the portal, wrapped by the apps' WSGI fast paths.

`PORTAL_WSGI_WRAPPERS` names them by dotted path (the analytics beacon's, answered before the page
middleware): the project imports no app.
"""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.utils.module_loading import import_string

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

# The whole Django stack (every page, the admin, and beacon calls from logged-in users).
django_application = get_wsgi_application()

application = django_application
for dotted_path in settings.PORTAL_WSGI_WRAPPERS:
    application = import_string(dotted_path)(application)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """What every content app stands on: page bases, blocks, listing helpers, site settings.

    The code lives in `core/` but the app keeps the label `portal` it had when it was the project
    package: existing databases keep their tables (`portal_*`), content types, permissions and
    migration records, and the migrations moved with the code unchanged. Renaming the label would
    mean renaming every table and rewriting `django_migrations` for no reader-visible gain.
    """

    name = "core"
    label = "portal"
    verbose_name = _("Cổng thông tin")

"""Wagtail lookups that every request repeats, answered from the skeleton snapshot while serving.

`Locale.objects.get_for_language` (asked by `Locale.get_active`, `.localized`, the feeds...) and
`PageQuerySet.private_q` (asked by every `.public()`) each cost a query per call. Within a
request they are answered from the snapshot; outside one (admin actions in commands, workers)
Wagtail's own code runs unchanged.
"""

from django.conf import settings
from django.db.models import Q
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models.i18n import LocaleManager
from wagtail.query import PageQuerySet

from portal.caching import structure

_installed = False


def install() -> None:
    global _installed
    if _installed:
        return
    _installed = True
    original_get_for_language = LocaleManager.get_for_language
    original_private_q = PageQuerySet.private_q

    def get_for_language(self, language_code):
        if structure.in_request() and settings.PORTAL_STRUCTURE_CACHE:
            locale = structure.get_structure().locales.get(
                get_supported_content_language_variant(language_code)
            )
            if locale is not None:
                return locale
        return original_get_for_language(self, language_code)

    def private_q(self):
        if structure.in_request() and settings.PORTAL_STRUCTURE_CACHE:
            q = None
            for restriction in structure.get_structure().restrictions:
                part = self.descendant_of_q(restriction.page, inclusive=True)
                q = part if q is None else q | part
            return q if q is not None else Q(pk__in=[])
        return original_private_q(self)

    LocaleManager.get_for_language = get_for_language
    PageQuerySet.private_q = private_q

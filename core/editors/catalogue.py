"""The msgid catalogue of the packages whose screens editors see, and what Vietnamese covers.

Used by `scripts/vi_admin_catalogue.py` (to extract what the packages leave untranslated into
`locale/vi/`) and by the test that renders the admin and fails on any message still in English.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path

import polib

__all__ = ["PACKAGES", "msgid_patterns", "same_in_vietnamese", "source_catalogues"]

# Packages whose screens editors see. Each app's catalogue with every msgid is its English one
# where it has one, otherwise any language's (django-otp and django-axes ship no English).
PACKAGES = ("wagtail", "wagtailmedia", "django_otp", "axes", "django")
# Of Django's own catalogues, those whose messages reach the admin (form errors, dates, "3 days").
DJANGO_LOCALES = ("conf/locale", "contrib/auth/locale", "contrib/contenttypes/locale")
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdfr]|%[sdfr]|\{[a-zA-Z_0-9]*\}")


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise LookupError(name)
    return Path(spec.origin).parent


def source_catalogues(domain: str = "django") -> list[tuple[str, Path, Path]]:
    """(app label, catalogue holding every msgid, the app's own vi catalogue) for each app."""
    found = []
    for package in PACKAGES:
        base = _package_dir(package)
        locale_dirs = (
            [base / name for name in DJANGO_LOCALES]
            if package == "django"
            else sorted(base.rglob("locale"))
        )
        for locale_dir in locale_dirs:
            languages = sorted(p.name for p in locale_dir.iterdir() if p.is_dir())
            if not languages:
                continue
            source_language = "en" if "en" in languages else languages[0]
            source = locale_dir / source_language / "LC_MESSAGES" / f"{domain}.po"
            if source.exists():
                label = str(locale_dir.parent.relative_to(base.parent))
                found.append((label, source, locale_dir / "vi" / "LC_MESSAGES" / f"{domain}.po"))
    return found


def _normalise(text: str) -> str:
    return " ".join(text.split())


@cache
def msgid_patterns(domain: str = "django") -> tuple[frozenset[str], tuple[re.Pattern, ...]]:
    """Every msgid (and plural) of those packages: literal ones, and those with placeholders
    as whole-string patterns (a placeholder stands for any text), whitespace normalised."""
    literal: set[str] = set()
    patterns: list[re.Pattern] = []
    same = same_in_vietnamese(domain)
    for _label, source, _vi in source_catalogues(domain):
        for entry in polib.pofile(str(source)):
            for text in filter(None, (entry.msgid, entry.msgid_plural)):
                if _normalise(text) in same:
                    continue
                text = _normalise(re.sub(r"<[^>]+>", " ", text))
                if not re.search(r"[A-Za-z]{2}", text):
                    continue
                pieces = PLACEHOLDER.split(text)
                if len(pieces) == 1:
                    literal.add(text)
                elif sum(len(p.strip()) for p in pieces) >= 4:
                    body = "(.+?)".join(re.escape(p) for p in pieces)
                    patterns.append(re.compile(f"^{body}$"))
    return frozenset(literal), tuple(patterns)


@cache
def same_in_vietnamese(domain: str = "django") -> frozenset[str]:
    """Msgids whose Vietnamese is the same text ("Email", "Video"): showing them is not English."""
    project = Path(__file__).resolve().parents[2] / "locale" / "vi" / "LC_MESSAGES" / f"{domain}.po"
    catalogues = [vi for _label, _source, vi in source_catalogues(domain) if vi.exists()]
    same = set()
    for path in [*catalogues, project]:
        if path.exists():
            for entry in polib.pofile(str(path)):
                if "fuzzy" in entry.flags:
                    continue
                translation = entry.msgstr_plural.get(0) if entry.msgid_plural else entry.msgstr
                if translation and translation in (entry.msgid, entry.msgid_plural):
                    same |= {_normalise(entry.msgid), _normalise(entry.msgid_plural or "")}
    return frozenset(same)

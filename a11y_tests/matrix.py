"""The pages the suite checks: every page kind of the front-end issue, in Vietnamese and English.

Keys are known when tests are collected (before any database exists); each key is resolved to a
URL against the seeded demo database when a test first needs it. Page types other than the four
the portal started with (home, section, article, standard page) are taken from Wagtail's list of
page models, so a new multimedia type joins the matrix without anyone editing this file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from math import ceil
from urllib.parse import urlencode

import pytest
from django.conf import settings
from wagtail.models import Page, get_page_models

from participation.a11y_cases import KINDS as PARTICIPATION_KINDS
from participation.a11y_cases import resolve as participation_case

LANGUAGES = ("vi", "en")
SHOWCASE_SLUG = "trinh-bay-moi-loai-noi-dung"
STATEMENT_SLUGS = {"vi": "tuyen-bo-ho-tro-tiep-can", "en": "accessibility-statement"}
STANDARD_SLUGS = {"vi": "gioi-thieu", "en": "about"}
NEWS_SLUGS = {"vi": "tin-tuc", "en": "news"}
SEARCH_TERMS = {"vi": "chuyển đổi số", "en": "ministry"}
NO_RESULT_TERM = "qqxyzzy"
PREFIX = {"vi": "", "en": "/en"}
# The page types with hand-picked demo pages below; every other type is covered by the model list.
HAND_PICKED_MODELS = {
    "sitewide.homepage",
    "news.sectionpage",
    "news.articlepage",
    "sitewide.standardpage",
}
SERVER_ERROR_PATH = "/__a11y__/500/"
# The documents library's listing states (filtered, notice, empty, later page) and a complete document.
DOCUMENT_KINDS = [
    "documents-filtered",
    "documents-notice",
    "documents-empty",
    "documents-page-2",
    "document-complete",
]


@dataclass(frozen=True)
class PageCase:
    """A page to check: a stable key for test ids and the report, and the path to open."""

    key: str
    language: str
    path: str
    title: str

    @property
    def label(self) -> str:
        return f"{self.key} ({self.path})"


class NoSuchPage(LookupError):
    """The demo content has no page of this kind (the test is skipped with this reason)."""


def concrete_page_models() -> list[type[Page]]:
    return [model for model in get_page_models() if model is not Page and not model._meta.abstract]


def model_key(model: type[Page]) -> str:
    return f"{model._meta.app_label}.{model._meta.model_name}"


def extra_model_keys() -> list[str]:
    return sorted(
        f"type:{model_key(model)}"
        for model in concrete_page_models()
        if model_key(model) not in HAND_PICKED_MODELS
    )


def case_keys() -> list[str]:
    """Every page key, for collection time: `<language>:<kind>`."""
    common = [
        "home",
        "section-first",
        "section-middle",
        "section-last",
        "article",
        "standard-page",
        "accessibility-statement",
        "search-empty",
        "search-results",
        "search-no-results",
        "search-form-error",
        "not-found",
        "display-settings",
        *DOCUMENT_KINDS,
        *PARTICIPATION_KINDS,
        *extra_model_keys(),
    ]
    keys = [f"{language}:{kind}" for language in LANGUAGES for kind in common]
    # The static 500 page is one page in both languages (it cannot know the reader's language).
    keys += ["vi:server-error"]
    return keys


def _live(language: str):
    return Page.objects.live().public().filter(locale__language_code=language)


def _page_case(key: str, language: str, page: Page | None, query: str = "") -> PageCase:
    if page is None:
        raise NoSuchPage(f"the demo content has no live page for {key}")
    path = page.specific.get_url()
    if not path:
        raise NoSuchPage(f"{page.title!r} has no URL on the default site")
    return PageCase(key=key, language=language, path=path + query, title=page.title)


@cache
def resolve(key: str) -> PageCase:
    """The URL for a key, looked up in the seeded demo database (cached for the session)."""
    language, kind = key.split(":", 1)
    prefix = PREFIX[language]
    pages = _live(language)
    if kind == "home":
        from sitewide.models import HomePage

        return _page_case(key, language, pages.type(HomePage).first())
    if kind.startswith("section-"):
        return _section_case(key, language, kind.removeprefix("section-"))
    if kind == "article":
        from news.models import ArticlePage

        articles = pages.type(ArticlePage)
        # The showcase (every block type) exists in Vietnamese; English has ordinary articles.
        page = articles.filter(slug=SHOWCASE_SLUG).first() or articles.order_by("path").first()
        return _page_case(key, language, page)
    if kind == "standard-page":
        return _page_case(key, language, pages.filter(slug=STANDARD_SLUGS[language]).first())
    if kind == "accessibility-statement":
        return _page_case(key, language, pages.filter(slug=STATEMENT_SLUGS[language]).first())
    if kind.startswith("search-"):
        return _search_case(key, language, prefix, kind.removeprefix("search-"))
    fixed = _fixed_case(key, language, prefix, kind)
    if fixed is not None:
        return fixed
    if kind.startswith("document"):
        return _documents_case(key, language, kind)
    if kind in PARTICIPATION_KINDS:
        return participation_case(key, language, kind)
    if kind.startswith("type:"):
        app_label, model_name = kind.removeprefix("type:").split(".")
        model = next(
            m for m in concrete_page_models() if model_key(m) == f"{app_label}.{model_name}"
        )
        return _page_case(key, language, pages.exact_type(model).order_by("path").first())
    raise KeyError(key)


def _fixed_case(key: str, language: str, prefix: str, kind: str) -> PageCase | None:
    """The pages that are not in the page tree: errors and the display settings."""
    if kind == "not-found":
        return PageCase(key, language, f"{prefix}/khong-co-trang-nay-a11y/", "404")
    if kind == "server-error":
        return PageCase(key, language, SERVER_ERROR_PATH, "500")
    if kind == "display-settings":
        return PageCase(key, language, f"{prefix}/display-settings/", "display settings")
    return None


def _section_case(key: str, language: str, position: str) -> PageCase:
    from news.models import SectionPage

    section = _live(language).type(SectionPage).filter(slug=NEWS_SLUGS[language]).first()
    if section is None:
        raise NoSuchPage(f"no live news section in {language}")
    section = section.specific
    count = section.articles().count()
    pages = max(1, ceil(count / settings.PORTAL_LISTING_PAGE_SIZE))
    number = {"first": 1, "middle": (pages + 1) // 2, "last": pages}[position]
    if position != "first" and (pages < 3 if position == "middle" else pages < 2):
        raise NoSuchPage(
            f"{section.title!r} has {count} articles, {pages} page(s): no distinct {position} page"
        )
    query = "" if number == 1 else f"?page={number}"
    return _page_case(key, language, section, query)


def _documents_case(key: str, language: str, kind: str) -> PageCase:
    from documents.models import DocumentIndexPage, LegalDocumentPage

    if kind == "document-complete":
        # A document with files, relations and its full text: every part of the page template.
        documents = _live(language).type(LegalDocumentPage).values_list("pk", flat=True)
        page = (
            LegalDocumentPage.objects.filter(pk__in=documents, files__isnull=False)
            .exclude(full_text=[])
            .filter(relations__isnull=False)
            .order_by("path")
            .first()
        )
        return _page_case(key, language, page)
    params = {
        "documents-filtered": "?status=con-hieu-luc&type=luat",
        "documents-notice": "?type=khong-co-loai-nay",
        "documents-empty": f"?q={NO_RESULT_TERM}",
        "documents-page-2": "?page=2",
    }[kind]
    return _page_case(key, language, _live(language).type(DocumentIndexPage).first(), params)


def _search_case(key: str, language: str, prefix: str, variant: str) -> PageCase:
    params = {
        "empty": {},
        "results": {"q": SEARCH_TERMS[language]},
        "no-results": {"q": NO_RESULT_TERM},
        "form-error": {"q": SEARCH_TERMS[language], "date_from": "32/13/2026"},
    }[variant]
    query = f"?{urlencode(params)}" if params else ""
    return PageCase(key, language, f"{prefix}/search/{query}", f"search {variant}")


def model_live_languages() -> dict[str, set[str]]:
    """For each concrete page type, the languages in which the demo has a live page of it."""
    found: dict[str, set[str]] = {}
    for model in concrete_page_models():
        languages = (
            Page.objects.live()
            .exact_type(model)
            .values_list("locale__language_code", flat=True)
            .distinct()
        )
        found[model_key(model)] = set(languages)
    return found


def case_or_skip(key: str) -> PageCase:
    """The page for a key, or skip the test (with the reason) when the demo has no such page."""
    try:
        return resolve(key)
    except NoSuchPage as reason:
        pytest.skip(str(reason))

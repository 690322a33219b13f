"""The sitemap as parts of at most 10,000 URLs: one part per page type and window of page ids.

Every concrete Wagtail page type is listed (documents, answers and any later type join without
code; a type opts out with `exclude_from_sitemap = True`). A part holds the live public pages of
one type whose id falls in one window of 10,000 ids, so:

- a part never exceeds Django's `limit` and its query is a range scan of the primary key,
  bounded whatever the corpus (`id > lo AND id <= hi`, only the columns a URL needs);
- a page's part never changes (ids are immutable), so a publication purges exactly its part
  (and its translations' parts, whose alternates name it): see `seo/purge.py`;
- no part is empty: the index lists only the windows that hold a page.

Django's sitemap views write the XML (`sitemap_index.xml`, `sitemap.xml` with `xhtml:link`).
"""

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, Paginator
from django.db.models import Count, F, Max, Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Site, get_page_models

WINDOW = 10_000
# news.articlepage-11: the page type's label and the window number.
SECTION_NAME = re.compile(r"^(?P<app>[a-z0-9_]+)\.(?P<model>[a-z0-9_]+)-(?P<window>\d{1,7})$")
# What a URL, its lastmod and its alternates need; nothing else is read.
COLUMNS = (
    "id",
    "url_path",
    "translation_key",
    "last_published_at",
    "latest_revision_created_at",
)


def listed_page_types() -> list[type[Page]]:
    """Every concrete page type but the tree root and those that opt out."""
    return [
        model
        for model in get_page_models()
        if model is not Page and not getattr(model, "exclude_from_sitemap", False)
    ]


def section_name(model: type[Page], window: int) -> str:
    return f"{model._meta.label_lower}-{window}"


@dataclass(frozen=True)
class RootPath:
    """A site root (one per language) and the URL prefix its pages get (`/` or `/en/`)."""

    root_path: str
    root_url: str
    language_code: str
    prefix: str


def root_paths() -> list[RootPath]:
    """Wagtail's site root paths (cached by Wagtail), each with its reversed prefix, most specific first."""
    found = []
    for entry in Site.get_site_root_paths():
        with translation.override(entry.language_code):
            prefix = reverse("wagtail_serve", args=("",))
        found.append(RootPath(entry.root_path, entry.root_url, entry.language_code, prefix))
    return found


def listed_pages() -> QuerySet:
    """Live, public pages under a site root: the pages a reader (and a crawler) can reach."""
    roots = root_paths()
    under_a_site = Q(pk__in=[])
    for root in roots:
        under_a_site |= Q(url_path__startswith=root.root_path)
    return Page.objects.live().public().filter(under_a_site)


@dataclass
class Row:
    """One page of a part, with the URL and language it is served at."""

    id: int
    translation_key: Any
    location: str
    language_code: str
    lastmod: datetime | None
    alternates: list[dict[str, str]] = field(default_factory=list)


def _locate(page: Page, roots: list[RootPath]) -> tuple[str, str] | None:
    """(absolute URL, language) of a page, as Wagtail builds it, without a query or a reverse() per page."""
    for root in roots:
        if page.url_path.startswith(root.root_path):
            return root.root_url + root.prefix + page.url_path[len(root.root_path) :], (
                root.language_code
            )
    return None


def _row(page: Page, roots: list[RootPath]) -> Row | None:
    located = _locate(page, roots)
    if located is None:
        return None
    return Row(
        id=page.pk,
        translation_key=page.translation_key,
        location=located[0],
        language_code=located[1],
        lastmod=page.last_published_at or page.latest_revision_created_at,
    )


def attach_alternates(rows: list[Row], window_pages: QuerySet, roots: list[RootPath]) -> None:
    """Give each page with a live translation its `xhtml:link` alternates, in one query for the part."""
    versions: dict[Any, list[Row]] = {}
    translations = listed_pages().filter(translation_key__in=window_pages.values("translation_key"))
    for page in translations.only(*COLUMNS).order_by("id"):
        row = _row(page, roots)
        if row is not None:
            versions.setdefault(row.translation_key, []).append(row)
    for row in rows:
        group = versions.get(row.translation_key, [])
        if len(group) < 2:
            continue
        row.alternates = [
            {"lang_code": version.language_code, "location": version.location} for version in group
        ]
        default = next((v for v in group if v.language_code == settings.LANGUAGE_CODE), None)
        if default is not None:
            row.alternates.append({"lang_code": "x-default", "location": default.location})


class PageTypeWindowSitemap(Sitemap):
    """One part: the live public pages of one type with ids in one window."""

    limit = WINDOW

    def __init__(
        self,
        model: type[Page],
        window: int,
        lastmod: datetime | None = None,
        count: int | None = None,
    ) -> None:
        self.model = model
        self.window = window
        self.latest_lastmod = lastmod
        self.count = count

    @property
    def paginator(self) -> Paginator:
        # The index knows each part's size from its one query; a part is one page by construction.
        if self.count is not None:
            return Paginator(range(self.count), self.limit)
        return super().paginator

    def get_latest_lastmod(self) -> datetime | None:
        return self.latest_lastmod

    def window_pages(self) -> QuerySet:
        low = self.window * WINDOW
        content_type = ContentType.objects.get_for_model(self.model, for_concrete_model=False)
        return listed_pages().filter(
            content_type_id=content_type.pk, id__gt=low, id__lte=low + WINDOW
        )

    def items(self) -> list[Row]:
        roots = root_paths()
        pages = self.window_pages()
        rows = [
            row
            for row in (_row(page, roots) for page in pages.only(*COLUMNS).order_by("id"))
            if row is not None
        ]
        attach_alternates(rows, pages, roots)
        return rows

    def get_urls(self, page: Any = 1, site: Any = None, protocol: str | None = None) -> list[dict]:
        """The part's URLs at their canonical host (the Wagtail site's), as Wagtail links them."""
        rows = self.items()
        if not rows:
            raise EmptyPage("no live page in this part")  # the view answers 404
        object_list = Paginator(rows, self.limit).page(page).object_list
        lastmods = [row.lastmod for row in object_list if row.lastmod is not None]
        self.latest_lastmod = max(lastmods) if len(lastmods) == len(object_list) else None
        return [
            {
                "item": row,
                "location": row.location,
                "lastmod": row.lastmod,
                "changefreq": None,
                "priority": None,
                "alternates": row.alternates,
            }
            for row in object_list
        ]


class SitemapSections(Mapping):
    """The parts, as Django's sitemap views expect: a mapping of section name to sitemap.

    Looking one part up parses its name (no query); listing them all (the index) costs one
    grouped query over the live pages.
    """

    def __init__(self) -> None:
        self._listed: dict[str, PageTypeWindowSitemap] | None = None

    def _models_by_label(self) -> dict[str, type[Page]]:
        return {model._meta.label_lower: model for model in listed_page_types()}

    def __getitem__(self, name: str) -> PageTypeWindowSitemap:
        match = SECTION_NAME.match(str(name))
        model = self._models_by_label().get(f"{match['app']}.{match['model']}") if match else None
        if match is None or model is None:
            raise KeyError(name)
        return PageTypeWindowSitemap(model, int(match["window"]))

    def __contains__(self, name: object) -> bool:
        try:
            self[str(name)]
        except KeyError:
            return False
        return True

    def listed(self) -> dict[str, PageTypeWindowSitemap]:
        """Every non-empty part, by page type then window, with its size and latest change."""
        if self._listed is None:
            models = {
                ContentType.objects.get_for_model(model, for_concrete_model=False).pk: model
                for model in listed_page_types()
            }
            groups = (
                listed_pages()
                .filter(content_type_id__in=models)
                .annotate(window=(F("id") - 1) / WINDOW)
                .values("content_type_id", "window")
                .annotate(
                    count=Count("id"),
                    lastmod=Max(Coalesce("last_published_at", "latest_revision_created_at")),
                )
                .order_by()
            )
            by_label = self._models_by_label()
            parts = sorted(
                (models[g["content_type_id"]]._meta.label_lower, g["window"], g) for g in groups
            )
            self._listed = {
                f"{label}-{window}": PageTypeWindowSitemap(
                    by_label[label], window, lastmod=g["lastmod"], count=g["count"]
                )
                for label, window, g in parts
            }
        return self._listed

    def __iter__(self) -> Iterator[str]:
        return iter(self.listed())

    def __len__(self) -> int:
        return len(self.listed())

    def items(self) -> Any:
        return self.listed().items()


def canonical_root_url(request: HttpRequest) -> str:
    """The site's canonical scheme and host (the Wagtail site's), for robots.txt and links."""
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return request.build_absolute_uri("/").rstrip("/")
    return site.root_url

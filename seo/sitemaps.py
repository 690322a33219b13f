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
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, Paginator
from django.db import connection
from django.db.models import CharField, Exists, F, Max, OuterRef, Q, QuerySet
from django.db.models.functions import Cast, Coalesce, TruncDate
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Site, get_page_models

from seo import sql

WINDOW = 10_000
# news.articlepage-11: the page type's label and the window number.
SECTION_NAME = re.compile(r"^(?P<app>[a-z0-9_]+)\.(?P<model>[a-z0-9_]+)-(?P<window>\d{1,7})$")


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
    base: str  # root URL and prefix: a page's URL is this and its url_path past `cut`
    cut: int


def root_paths() -> list[RootPath]:
    """Wagtail's site root paths (cached by Wagtail), each with its reversed prefix, most specific first."""
    found = []
    for entry in Site.get_site_root_paths():
        with translation.override(entry.language_code):
            prefix = reverse("wagtail_serve", args=("",))
        found.append(
            RootPath(
                entry.root_path,
                entry.root_url,
                entry.language_code,
                prefix,
                entry.root_url + prefix,
                len(entry.root_path),
            )
        )
    return found


def listed_pages() -> QuerySet:
    """Live, public pages under a site root: the pages a reader (and a crawler) can reach."""
    roots = root_paths()
    under_a_site = Q(pk__in=[])
    for root in roots:
        under_a_site |= Q(url_path__startswith=root.root_path)
    return Page.objects.live().public().filter(under_a_site)


def _xml_text(text: str) -> str:
    # Slugs and hosts rarely hold a character to escape; checking is cheaper than escaping.
    return escape(text) if _NEEDS_ESCAPE.search(text) else text


_NEEDS_ESCAPE = re.compile(r"[&<>\"']")


def url_xml(
    location: str, lastmod: str | None, alternates: list[tuple[str, str]] | None = None
) -> str:
    """One `<url>` element, escaped once.

    A part's entries are these strings, not the dicts Django's own `sitemap.xml` template loops
    over (variables and a `date` filter per URL: seconds for a full part); `seo/sitemap.xml`
    concatenates them (`{{ urlset|sitemap_urls }}`). Strings also keep the garbage collector
    out of the way: ten thousand dicts surviving a request made Python walk its whole heap
    every few parts.
    """
    links = (
        "".join(
            f'<xhtml:link rel="alternate" hreflang="{lang}" href="{_xml_text(href)}"/>'
            for lang, href in alternates
        )
        if alternates
        else ""
    )
    day = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
    return f"<url><loc>{_xml_text(location)}</loc>{day}{links}</url>\n"


def _locate(url_path: str, roots: list[RootPath]) -> tuple[str, str] | None:
    """(absolute URL, language) of a page, as Wagtail builds it, without a query or a reverse() per page."""
    for root in roots:
        if url_path.startswith(root.root_path):
            return root.base + url_path[root.cut :], root.language_code
    return None


def alternates_by_key(keys: list[Any], roots: list[RootPath]) -> dict[Any, list[tuple[str, str]]]:
    """(language, URL) of every live version of the part's translated pages, in one query.

    Only translated pages' keys are sent, as a list: PostgreSQL probes the (translation_key,
    locale) index for each (as a subquery of the whole part it hashed the entire page table).
    `x-default` is the version in the site's default language (Vietnamese).
    """
    versions: dict[Any, list[tuple[str, str]]] = {}
    translations = listed_pages().filter(translation_key__in=keys).order_by("id")
    rows = translations.values_list("url_path", Cast("translation_key", CharField()))
    for url_path, key in rows:
        located = _locate(url_path, roots)
        if located is not None:
            versions.setdefault(key, []).append((located[1], located[0]))
    found = {}
    for key, group in versions.items():
        if len(group) > 1:
            default = [("x-default", url) for lang, url in group if lang == settings.LANGUAGE_CODE]
            found[key] = group + default[:1]
    return found


class PageTypeWindowSitemap(Sitemap):
    """One part: the live public pages of one type with ids in one window."""

    limit = WINDOW

    def __init__(
        self,
        model: type[Page],
        window: int,
        lastmod: datetime | None = None,
        listed: bool = False,
    ) -> None:
        self.model = model
        self.window = window
        self.latest_lastmod = lastmod
        self.listed = listed
        self.latest_day = ""  # set by `items()`

    @property
    def paginator(self) -> Paginator:
        # A part is one page by construction (at most `limit` ids); the index knows it is not
        # empty from its one query, so it need not read the part's pages to paginate it.
        if self.listed:
            return Paginator(range(1), self.limit)
        return super().paginator

    def get_latest_lastmod(self) -> datetime | None:
        return self.latest_lastmod

    def window_q(self) -> Q:
        low = self.window * WINDOW
        content_type = ContentType.objects.get_for_model(self.model, for_concrete_model=False)
        return Q(content_type_id=content_type.pk, id__gt=low, id__lte=low + WINDOW)

    def rows(self) -> QuerySet:
        """(URL path, translation key, day of the last change, has a translation) of the part's pages."""
        return (
            listed_pages()
            .filter(self.window_q())
            .order_by("id")
            .values_list(
                "url_path",
                # As text: psycopg builds a uuid.UUID per row otherwise, most of a part's time.
                Cast("translation_key", CharField()),
                # The day as text from the database: no datetime objects to build.
                Cast(
                    TruncDate(Coalesce("last_published_at", "latest_revision_created_at")),
                    CharField(),
                ),
                # One probe of the (translation_key, locale) index per page: few pages have one.
                Exists(
                    Page.objects.filter(
                        translation_key=OuterRef("translation_key"), live=True
                    ).exclude(pk=OuterRef("pk"))
                ),
            )
        )

    def items(self) -> list[str]:
        """The part's `<url>` elements, in id order; also notes the latest day for `get_urls`."""
        roots = root_paths()
        entries: list[str] = []
        translated: list[tuple[int, str, str, str | None]] = []
        latest, every_day_known = "", True
        for url_path, key, lastmod, has_translation in self.rows():
            for root in roots:
                if url_path.startswith(root.root_path):
                    break
            else:
                continue  # under no site: no URL
            location = root.base + url_path[root.cut :]
            if lastmod is None:
                every_day_known = False
            elif lastmod > latest:
                latest = lastmod
            if has_translation:
                translated.append((len(entries), key, location, lastmod))
            entries.append(url_xml(location, lastmod))
        if translated:
            alternates = alternates_by_key([key for _i, key, _l, _d in translated], roots)
            for position, key, location, lastmod in translated:
                entries[position] = url_xml(location, lastmod, alternates.get(key))
        self.latest_day = latest if every_day_known else ""
        return entries

    def get_urls(self, page: Any = 1, site: Any = None, protocol: str | None = None) -> list[str]:
        """The part's URLs at their canonical host (the Wagtail site's), as Wagtail links them."""
        entries = self.items()
        if not entries:
            raise EmptyPage("no live page in this part")  # the view answers 404
        entries = Paginator(entries, self.limit).page(page).object_list
        # For the Last-Modified header: the latest day, when every URL has one.
        self.latest_lastmod = (
            datetime.fromisoformat(self.latest_day).replace(tzinfo=UTC) if self.latest_day else None
        )
        return entries


def latest_changes(content_type_ids: list[int]) -> list[tuple[int, int, datetime | None]]:
    """(content type id, window, latest change) of each non-empty part, in one query.

    On PostgreSQL, one probe of an index per part (`seo/sql.py`); elsewhere (and as the
    reference the tests compare it with) a grouping of every listed page.
    """
    if connection.vendor == "postgresql":
        roots = [root.root_path for root in root_paths()]
        return sql.latest_changes(content_type_ids, roots, WINDOW)
    return grouped_latest_changes(content_type_ids)


def grouped_latest_changes(content_type_ids: list[int]) -> list[tuple[int, int, datetime | None]]:
    """The ORM's `latest_changes`: it groups every listed page (reads the whole page table)."""
    groups = (
        listed_pages()
        .filter(content_type_id__in=content_type_ids)
        .annotate(window=(F("id") - 1) / WINDOW)
        .values_list("content_type_id", "window")
        .annotate(lastmod=Max(Coalesce("last_published_at", "latest_revision_created_at")))
        .order_by("content_type_id", "window")
    )
    return list(groups)


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
        """Every non-empty part, by page type then window, with its latest change."""
        if self._listed is None:
            models = {
                ContentType.objects.get_for_model(model, for_concrete_model=False).pk: model
                for model in listed_page_types()
            }
            parts = sorted(
                (models[content_type_id]._meta.label_lower, window, lastmod)
                for content_type_id, window, lastmod in latest_changes(list(models))
            )
            by_label = self._models_by_label()
            self._listed = {
                f"{label}-{window}": PageTypeWindowSitemap(
                    by_label[label], window, lastmod=lastmod, listed=True
                )
                for label, window, lastmod in parts
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

"""The structured data of the page being served: which schema.org type, fed from which fields.

Page types of this portal are described here; another app adds its own type with one line in
its `AppConfig.ready()`: `seo.page_data.register("documents.LegalDocumentPage", builder)`, where
`builder(page, facts) -> dict` typically returns `seo.structured_data.legislation(...)`.
Everything read here is already loaded for the page's own template (images with their
renditions, media files, caption tracks, site settings), so describing a page costs no query.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from core.images import SOCIAL_FILTER
from seo import structured_data as sd

Builder = Callable[[Page, "Facts"], sd.Node]
_registry: dict[str, Builder] = {}


def register(model_label: str, builder: Builder) -> None:
    """Describe pages of another app's type (`app_label.ModelName`) with `builder`."""
    _registry[model_label.lower()] = builder


@dataclass
class Facts:
    """What every builder may need about the request: URLs, language, the publisher, the template's context."""

    request: Any
    context: Any
    url: str
    language: str
    publisher: sd.Node

    def absolute(self, url: str) -> str:
        return urljoin(self.url, url)


def _site_settings(context: Any) -> Any:
    try:
        return context["settings"]["portal"]["SiteSettings"]
    except (KeyError, TypeError):
        return None


def publisher_for(context: Any, home_url: str, language: str) -> sd.Node:
    site_settings = _site_settings(context)
    if site_settings is None:
        return sd.publisher(
            "Cổng thông tin điện tử Bộ", home_url, urljoin(home_url, static("img/emblem.svg"))
        )
    logo = site_settings.logo.url if site_settings.logo else static("img/emblem.svg")
    return sd.publisher(
        name=site_settings.owner or site_settings.name_for(language),
        url=home_url,
        logo_url=urljoin(home_url, logo),
        street_address=site_settings.address,
        telephone=site_settings.phone,
        email=site_settings.email,
    )


def featured_image(page: Any, facts: Facts) -> sd.Node | None:
    image = getattr(page, "social_image", None)
    if image is None:
        return None
    rendition = image.get_rendition(SOCIAL_FILTER)  # the one Open Graph already uses
    return sd.image_object(
        facts.absolute(rendition.url), page.featured_alt_text, rendition.width, rendition.height
    )


def _story(kind: str, page: Any, facts: Facts, **extra: Any) -> sd.Node:
    return sd.creative_work(
        kind,
        page.title,
        facts.url,
        facts.language,
        page.summary,
        page.display_date,
        page.last_published_at,
        featured_image(page, facts),
        facts.publisher,
        **extra,
    )


def article(page: Any, facts: Facts) -> sd.Node:
    return sd.news_article(
        page.title,
        facts.url,
        facts.language,
        page.lead,
        page.display_date,
        page.last_published_at,
        page.author,
        featured_image(page, facts),
        facts.publisher,
    )


def video(page: Any, facts: Facts) -> sd.Node:
    image = featured_image(page, facts)
    media = page.video
    thumbnail = image["url"] if image else ""
    if not thumbnail and media is not None and media.thumbnail:
        thumbnail = facts.absolute(media.thumbnail.url)
    tracks = facts.context.get("caption_tracks") or page.caption_tracks()
    return sd.video_object(
        page.title,
        facts.url,
        facts.language,
        page.lead,
        thumbnail,
        page.display_date,
        media.duration if media is not None else None,
        facts.absolute(media.url) if media is not None else "",
        [
            sd.caption_file(
                facts.absolute(page.reverse_subpage("captions", args=(t.pk,))),
                t.language,
            )
            for t in tracks
        ],
        strip_tags(page.transcript).strip(),
        facts.publisher,
    )


def podcast(page: Any, facts: Facts) -> sd.Node:
    media = page.audio
    return sd.podcast_episode(
        page.title,
        facts.url,
        facts.language,
        page.lead,
        page.display_date,
        page.episode_number,
        page.series.title if page.series_id else "",
        facts.absolute(media.url) if media is not None else "",
        media.duration if media is not None else None,
        media.content_type if media is not None else "",
        strip_tags(page.transcript).strip(),
        facts.publisher,
    )


def photo_story(page: Any, facts: Facts) -> sd.Node:
    photos = facts.context.get("photos") or page.photo_items()
    images = [
        sd.image_object(
            facts.absolute(p["image"].file.url), p["alt"], p["image"].width, p["image"].height
        )
        for p in photos
    ]
    return _story("ImageGallery", page, facts, associatedMedia=images)


def infographic(page: Any, facts: Facts) -> sd.Node:
    graphic = page.graphic
    image = (
        sd.image_object(
            facts.absolute(graphic.file.url), page.graphic_alt_text, graphic.width, graphic.height
        )
        if graphic is not None
        else featured_image(page, facts)
    )
    node = _story("Article", page, facts)
    if image:
        node["image"] = image
    return node


def home(page: Any, facts: Facts) -> sd.Node:
    site_settings = _site_settings(facts.context)
    name = site_settings.name_for(facts.language) if site_settings else page.title
    return sd.website(
        name, facts.url, facts.language, facts.absolute(reverse("search")), facts.publisher
    )


# The documents library's derived status (documents/status.py) as schema.org's legal force: a
# document not yet in force is, today, not in force.
LEGAL_FORCE_OF_STATUS = {
    "con-hieu-luc": "in_force",
    "het-hieu-luc-mot-phan": "partially_in_force",
    "het-hieu-luc": "not_in_force",
    "chua-co-hieu-luc": "not_in_force",
}


def legal_document(page: Any, facts: Facts) -> sd.Node:
    """`Legislation`, from the fields the document page shows (already read for its <head>)."""
    return sd.legislation(
        page.title,
        facts.url,
        facts.language,
        page.number,
        str(page.document_type) if page.document_type_id else "",
        page.issued_on,
        page.effective_from,
        LEGAL_FORCE_OF_STATUS.get(page.status(), ""),
        str(page.issuer) if page.issuer_id else "",
        page.expires_on,
    )


register("documents.LegalDocumentPage", legal_document)


def _builtin_builders() -> list[tuple[type, Builder]]:
    from media_products.models import (
        AudioPage,
        EMagazinePage,
        InfographicPage,
        MediaIndexPage,
        PhotoStoryPage,
        VideoPage,
    )
    from news.models import ArticlePage, SectionPage
    from sitewide.models import HomePage

    def collection(page: Any, facts: Facts) -> sd.Node:
        return sd.creative_work(
            "CollectionPage", page.title, facts.url, facts.language, page.summary
        )

    return [
        (HomePage, home),
        (ArticlePage, article),
        (VideoPage, video),
        (AudioPage, podcast),
        (PhotoStoryPage, photo_story),
        (InfographicPage, infographic),
        (
            EMagazinePage,
            lambda page, facts: _story("Article", page, facts, headline=page.title[:110]),
        ),
        (SectionPage, collection),
        (MediaIndexPage, collection),
    ]


def describe(page: Any, facts: Facts) -> sd.Node:
    """The page's main node: its registered builder, a built-in one, or a plain WebPage."""
    builder = _registry.get(page._meta.label_lower)
    if builder is None:
        builder = next((b for model, b in _builtin_builders() if isinstance(page, model)), None)
    if builder is None:
        return sd.creative_work(
            "WebPage", page.title, facts.url, facts.language, getattr(page, "summary", "")
        )
    return builder(page, facts)


def breadcrumbs(page: Any, trail: list[Page], facts: Facts) -> sd.Node | None:
    """The visible breadcrumbs (none on a home page, which has none either)."""
    if not trail:
        return None
    items = [
        (
            _("Trang chủ") if ancestor.depth == 2 else ancestor.title,
            ancestor.get_full_url(facts.request),
        )
        for ancestor in trail
    ]
    return sd.breadcrumb_list([*items, (page.title, facts.url)])


def graph(page: Any, context: Any, trail: list[Page], home_url: str) -> list[sd.Node]:
    request = context.get("request")
    language = get_language() or settings.LANGUAGE_CODE
    url = page.get_full_url(request) or ""  # a new page in preview has no URL yet
    facts = Facts(request, context, url, language, publisher_for(context, home_url, language))
    nodes = [describe(page, facts)]
    crumbs = breadcrumbs(page, trail, facts)
    if crumbs:
        nodes.append(crumbs)
    return nodes

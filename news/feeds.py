"""RSS 2.0 feeds for the whole site and for each section: one query for the items, whatever the corpus."""

from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from core.listing import attach_card_images, latest_stories, story_page_models

FEED_LENGTH = 20


class StoryFeed(Feed):
    """Shared behaviour: absolute links, the lead as description, the featured image as enclosure."""

    feed_type = Rss201rev2Feed

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def item_title(self, item: Any) -> str:
        return item.title

    def item_description(self, item: Any) -> str:
        return item.summary

    def item_link(self, item: Any) -> str:
        return item.get_full_url(self.request)

    def item_guid(self, item: Any) -> str:
        return item.get_full_url(self.request)

    item_guid_is_permalink = True

    def item_pubdate(self, item: Any):
        return item.first_published_at

    def item_updateddate(self, item: Any):
        return item.last_published_at

    def item_author_name(self, item: Any) -> str | None:
        return getattr(item, "author", "") or None

    def item_enclosures(self, item: Any) -> list[Enclosure]:
        image = getattr(item, "featured_image", None)
        if image is None:
            return []
        url = self.request.build_absolute_uri(image.file.url)
        mime = {
            "jpg": "image/jpeg",
            "jpeg": "image/jpeg",
            "png": "image/png",
            "gif": "image/gif",
            "webp": "image/webp",
        }
        extension = image.file.name.rsplit(".", 1)[-1].lower()
        # The size stored at upload; where none was stored, 0 ("unknown") rather than reading the
        # file: a feed must not open (or fail on) every image in storage.
        return [
            Enclosure(
                url,
                str(image.file_size or 0),
                mime.get(extension, "application/octet-stream"),
            )
        ]


def _current_locale() -> Locale:
    from core.caching.structure import get_structure

    found = get_structure().active_locale()  # no query while serving
    if found is not None:
        return found
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


class SiteFeed(StoryFeed):
    """The newest articles and multimedia products of the reader's language."""

    def title(self) -> str:
        return _("Tin mới – Cổng thông tin")

    def description(self) -> str:
        return _("Các tin bài và sản phẩm đa phương tiện mới nhất.")

    def link(self) -> str:
        site = Site.find_for_request(self.request)
        return site.root_url + "/" if site else self.request.build_absolute_uri("/")

    def items(self) -> list[Any]:
        locale = _current_locale()
        return latest_stories(locale, story_page_models(), FEED_LENGTH)


class SectionFeed(StoryFeed):
    """The newest articles of one section and its subsections."""

    def __init__(self, section: Page) -> None:
        super().__init__()
        self.section = section

    def title(self) -> str:
        return f"{self.section.title} – RSS"

    def description(self) -> str:
        return self.section.summary or self.section.title

    def link(self) -> str:
        return self.section.get_full_url(self.request)

    def items(self) -> list[Any]:
        pages = list(self.section.articles().defer_streamfields()[:FEED_LENGTH])
        attach_card_images(pages)
        return pages

"""RSS for every filter combination of the documents index: the listing's query, newest first."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _

from documents.views import filtered_documents, read_filters, shown
from news.feeds import StoryFeed

FEED_LENGTH = 30


class DocumentFeed(StoryFeed):
    """The documents a filtered listing shows (its first 30), one query for all of them."""

    def __init__(self, index: Any) -> None:
        super().__init__()
        self.index = index

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any):
        self.request = request
        response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = "public, max-age=900"
        return response

    def title(self) -> str:
        return f"{self.index.title} – RSS"

    def link(self) -> str:
        return self.index.get_full_url(self.request)

    def feed_url(self) -> str:
        return self.request.build_absolute_uri()

    def description(self) -> str:
        return self.index.intro or _("Văn bản mới ban hành")

    def items(self) -> list[Any]:
        _form, filters, _ignored = read_filters(self.request.GET)
        return shown(list(filtered_documents(self.index, filters)[:FEED_LENGTH]))

    def item_title(self, item: Any) -> str:
        return f"{item.number} – {item.title}" if item.number else item.title

    def item_pubdate(self, item: Any) -> Any:
        return item.first_published_at

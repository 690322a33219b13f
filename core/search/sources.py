"""Things other than pages that site search finds (a published answer, ...), registered by their app.

Pages join site search by declaring `site_search` (core/search/fields.py). Another model joins
by registering a `SearchSource` from its app's `ready()`: the index stores its rows beside the
pages' rows, the ranking treats them alike, and the results page asks the source how to show
them. The portal never imports the apps that register (they stand on it).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from django.db.models import Model


@dataclass
class SearchResult:
    """What the results page shows of one non-page result (pages are shown from the page itself)."""

    pk: int
    title: str
    search_url: str
    search_type: str
    search_section: str
    first_published_at: datetime | None
    summary: str
    display_date: datetime | None = None


@dataclass(frozen=True)
class SearchRow:
    """The text and placement of one object in the index."""

    object_id: int
    page_id: int  # the page whose publication, visibility, language and section the row follows
    locale_id: int  # that page's language
    published_at: datetime | None
    title: str
    lead: str
    body: str


class SearchSource(Protocol):
    """What a registered model must answer."""

    model: type[Model]
    type_name: str  # the `type` filter's value
    verbose_name: Any  # the `type` filter's label and each result's type

    def rows(self, objects: Iterable[Any]) -> list[SearchRow]:
        """The index rows of these objects that readers may find (others are left out)."""

    def all_rows(self) -> Iterable[SearchRow]:
        """Every row, for `rebuild_search_index`."""

    def results(self, object_ids: list[int], request: Any) -> dict[int, SearchResult]:
        """The results for these ids, in a constant number of queries."""


_sources: list[SearchSource] = []


def register(source: SearchSource) -> None:
    if all(existing.model is not source.model for existing in _sources):
        _sources.append(source)


def sources() -> list[SearchSource]:
    return list(_sources)

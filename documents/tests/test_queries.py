"""Listing, feed and document page keep the same number of queries at two library sizes."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from documents.demo import ensure_lists
from documents.demo.bulk import bulk_create_documents
from documents.models import LegalDocumentPage

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:
    client.get(url)  # warm the snapshot, as a live server would be
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@override_settings(PORTAL_PAGE_CACHE=False)
def test_listing_feeds_and_pages_query_the_same_at_two_sizes(client, homes):
    from .factories import make_index

    index = make_index(homes[0])
    index_en = make_index(homes[1], slug="documents", title="Documents")
    lists = ensure_lists()
    year = timezone.localdate().year - 1
    urls = {
        "listing": lambda: index.url,
        "type": lambda: f"{index.url}?type=nghi-dinh",
        "issuer and year": lambda: f"{index.url}?issuer=bo&year={year}",
        "status": lambda: f"{index.url}?status=con-hieu-luc",
        "free text": lambda: f"{index.url}?q=chuyen+doi+so",
        "loose number": lambda: f"{index.url}?type=nghi-dinh&q=n%C4%91-cp&field=",
        "page 3": lambda: f"{index.url}?page=3",
        "last page": lambda: f"{index.url}?page=999",
        "English index": lambda: index_en.url,
        "feed": lambda: f"{index.url}rss/?field=chuyen-doi-so",
        "document": lambda: LegalDocumentPage.objects.live().order_by("path").first().url,
    }
    bulk_create_documents(index, 65, lists)
    bulk_create_documents(index_en, 65, lists)
    small = {name: _queries(client, url()) for name, url in urls.items()}
    bulk_create_documents(index, 300, lists)
    bulk_create_documents(index_en, 300, lists)
    large = {name: _queries(client, url()) for name, url in urls.items()}
    assert large == small
    # A listing with rows: the site, the page's ids, its rows (lists and count are cached).
    listings = {name: count for name, count in small.items() if name not in ("feed", "document")}
    assert max(listings.values()) <= 3 and small["document"] <= 10, small
    assert min(small.values()) > 0


@override_settings(PORTAL_PAGE_CACHE=False)
def test_a_page_of_listing_costs_the_same_queries_with_one_row_or_twenty(client, home):
    from .factories import make_index

    index = make_index(home)
    lists = ensure_lists()
    bulk_create_documents(index, 1, lists)
    one = _queries(client, index.url)
    bulk_create_documents(index, 40, lists)
    assert _queries(client, index.url) == one

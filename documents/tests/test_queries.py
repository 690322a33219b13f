"""Listing, feed and document page keep the same number of queries at two library sizes."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

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
def test_listing_feeds_and_pages_query_the_same_at_two_sizes(client, home):
    from .factories import make_index

    index = make_index(home)
    lists = ensure_lists()
    urls = {
        "listing": lambda: index.url,
        "filtered": lambda: f"{index.url}?type=nghi-dinh&q=n%C4%91-cp&field=",
        "status": lambda: f"{index.url}?status=con-hieu-luc",
        "last page": lambda: f"{index.url}?page=999",
        "feed": lambda: f"{index.url}rss/?field=chuyen-doi-so",
        "document": lambda: LegalDocumentPage.objects.live().order_by("path").first().url,
    }
    bulk_create_documents(index, 45, lists)
    small = {name: _queries(client, url()) for name, url in urls.items()}
    bulk_create_documents(index, 300, lists)
    large = {name: _queries(client, url()) for name, url in urls.items()}
    assert large == small
    assert small["listing"] <= 10 and small["document"] <= 10, small
    assert min(small.values()) > 0

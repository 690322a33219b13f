"""Listing and feed views keep a constant number of queries whatever the corpus size."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from media_products.demo import DemoKit, bulk_create_products
from testsupport import make_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def kit(db):
    images = [make_image(f"anh-{n}", description=f"Ảnh {n}") for n in range(3)]
    return DemoKit("vi", images)


def _queries(client, url: str) -> int:
    client.get(url)  # warm the site and rendition caches, as a live server would be
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


URLS = {
    "index": lambda index: index.url,
    "index filtered": lambda index: f"{index.url}?type=photo",
    "index page 2": lambda index: f"{index.url}?page=2",
    "podcast feed": lambda index: f"{index.url}podcast/chinh-sach-trong-tuan/rss/",
    "site feed": lambda index: "/rss.xml",
    "home": lambda index: "/",
}


@override_settings(PORTAL_PAGE_CACHE=False)  # measure the views themselves, not the page cache
def test_listings_and_feeds_query_the_same_at_two_corpus_sizes(client, media_index, kit):
    bulk_create_products(media_index, kit, 45)
    small = {name: _queries(client, url(media_index)) for name, url in URLS.items()}
    bulk_create_products(media_index, kit, 100, start_number=45)
    large = {name: _queries(client, url(media_index)) for name, url in URLS.items()}
    assert large == small
    assert small["index"] <= 20 and small["podcast feed"] <= 10 and small["site feed"] <= 12, small
    assert min(small.values()) > 0, "a view answered from a cache: nothing was measured"

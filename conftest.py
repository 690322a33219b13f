"""Fixtures shared by every app's tests."""

import pytest

from testsupport import make_section, make_site


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches: the page cache, the skeleton snapshot and the renditions
    cache would otherwise outlive the rollback of the previous test's rows (whose ids are reused)."""
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    for cache in caches.all():
        if isinstance(cache, LocMemCache):  # never flush a shared Redis from a test run
            cache.clear()


@pytest.fixture
def homes(db):
    """(Vietnamese home, English home), the Vietnamese one the default site's root."""
    return make_site()


@pytest.fixture
def home(homes):
    return homes[0]


@pytest.fixture
def news_section(home):
    """Tin tức > Chuyển đổi số: a top section with one subsection."""
    top = make_section(home, "Tin tức", slug="tin-tuc", show_in_menus=True, show_on_home=False)
    return make_section(top, "Chuyển đổi số", slug="chuyen-doi-so")

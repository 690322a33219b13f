"""Fixtures shared by every app's tests."""

import pytest

from portal.testing import make_section, make_site


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

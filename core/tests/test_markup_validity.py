"""Markup the HTML standard accepts (the accessibility suite runs the Nu Html Checker on every
page; these pin the pieces that once broke it), and cards named by their titles."""

import re
from datetime import UTC, date, datetime

import pytest
from django.core.cache import caches
from django.test import override_settings

from core.forms.widgets import IsoDateInput
from core.templatetags.markup_tags import html_datetime
from core.tests.markup import read
from sitewide.models import HomeFeaturedItem
from testsupport import make_article, make_section, make_site

# A valid global date and time string: at most three digits of fractional seconds.
HTML_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$"
)


@override_settings(TIME_ZONE="Asia/Ho_Chi_Minh")
def test_time_datetime_is_to_the_second_in_the_site_time_zone():
    moment = datetime(2026, 12, 6, 4, 1, 36, 746956, tzinfo=UTC)
    assert html_datetime(moment) == "2026-12-06T11:01:36+07:00"
    assert HTML_DATETIME.match(html_datetime(moment))
    assert html_datetime(date(2026, 12, 6)) == "2026-12-06"
    assert html_datetime(None) == ""


@pytest.mark.parametrize(
    ("sent", "shown"),
    [
        ("32/13/2026", None),  # invalid: left empty, the error message says why
        ("hôm qua", None),
        ("25/12/2026", "2026-12-25"),  # typed by hand: shown as a date input needs it
        ("2026-12-25", "2026-12-25"),
        (date(2026, 12, 25), "2026-12-25"),
        ("", None),
    ],
)
def test_date_inputs_only_ever_carry_a_valid_date(sent, shown):
    assert IsoDateInput().format_value(sent) == shown


@pytest.fixture
def _no_cached_pages():
    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.mark.django_db
@pytest.mark.usefixtures("_no_cached_pages")
def test_search_with_a_bad_date_echoes_no_invalid_value(client):
    make_site()
    page = read(client.get("/search/", {"q": "x", "date_from": "32/13/2026"}).content)
    field = page.by_id("id_date_from")[0]
    assert field["type"] == "date" and field.get("value") is None
    assert field["aria-invalid"] == "true"


@pytest.mark.django_db
@pytest.mark.usefixtures("_no_cached_pages")
def test_cards_are_named_by_their_heading_with_ids_unique_on_the_page(client):
    """Featured stories have ids of their own: a featured video also shows under "Multimedia"."""
    home, _ = make_site()
    section = make_section(home, "Chuyển đổi số", slug="chuyen-doi-so", show_on_home=True)
    story = make_article(section, "Bài nổi bật")
    other = make_article(section, "Bài thường")
    HomeFeaturedItem.objects.create(home=home, page=story, sort_order=0)
    home.save_revision().publish()
    html = client.get("/").content.decode()
    page = read(html)
    cards = page.by_class("card")
    assert len(cards) == 2
    ids = [element["id"] for element in page.elements if element.get("id")]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for card in cards:
        heading = page.by_id(card["aria-labelledby"])
        assert heading and heading[0].tag == "h3"
    assert {card["aria-labelledby"] for card in cards} == {
        f"card-{story.pk}-featured",
        f"card-{other.pk}",
    }
    for value in re.findall(r'<time datetime="([^"]+)"', html):
        assert HTML_DATETIME.match(value), value

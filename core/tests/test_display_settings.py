"""The reader's display settings: a plain form, one small cookie, applied on the server."""

import itertools

import pytest
from django.core.cache import caches
from django.test import Client

from core.display import COOKIE_NAME, TEXT_SIZES, DisplaySettings
from core.tests.markup import read

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_caches():
    # Before and after: no page cached here may be served to another module's test.
    caches["default"].clear()
    yield
    caches["default"].clear()


def _html_classes(client: Client, url: str = "/") -> set[str]:
    return set(read(client.get(url).content).first("html")["class"].split())


@pytest.mark.parametrize(
    ("size", "contrast", "spacing"),
    list(itertools.product(TEXT_SIZES, (False, True), (False, True))),
)
def test_cookie_round_trips_every_combination(size, contrast, spacing):
    chosen = DisplaySettings(text_size=size, high_contrast=contrast, wide_spacing=spacing)
    assert DisplaySettings.from_cookie(chosen.to_cookie()) == chosen


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "x" * 65,
        "size-huge",
        "size-large.contrast-high" + "." * 60,
        "<script>",
        "size-large;evil=1",
    ],
)
def test_unexpected_cookie_values_fall_back_to_defaults(junk):
    settings_ = DisplaySettings.from_cookie(junk)
    assert settings_.text_size in TEXT_SIZES
    assert settings_.css_classes.split()[0] in {"text-small", "text-normal", "text-large"}


def test_first_paint_uses_the_cookie_as_classes_on_html(client, home):
    client.cookies[COOKIE_NAME] = "size-large.contrast-high.spacing-wide"
    assert _html_classes(client) >= {"text-large", "contrast-high", "spacing-wide"}


def test_without_a_cookie_the_page_uses_the_defaults(client, home):
    assert _html_classes(client) == {"text-normal"}


def test_an_invalid_cookie_is_ignored_not_an_error(client, home):
    client.cookies[COOKIE_NAME] = "size-gigantic.contrast-purple"
    response = client.get("/")
    assert response.status_code == 200
    assert set(read(response.content).first("html")["class"].split()) == {"text-normal"}


def test_header_buttons_show_which_settings_are_on(client, home):
    client.cookies[COOKIE_NAME] = "size-small.contrast-high.spacing-normal"
    page = read(client.get("/").content)
    pressed = {
        (b.get("name"), b.get("value")): b.get("aria-pressed")
        for b in page.all("button")
        if b.get("aria-pressed")
    }
    assert pressed[("text_size", "small")] == "true"
    assert pressed[("text_size", "normal")] == "false"
    assert pressed[("toggle", "contrast")] == "true"
    assert pressed[("toggle", "spacing")] == "false"


def test_header_controls_are_a_disclosure_that_needs_no_script(client, home):
    page = read(client.get("/").content)
    details = page.all("details")
    assert len(details) == 1
    summaries = [e for e in page.all("summary") if "details" in e.inside]
    assert summaries
    form = next(f for f in page.all("form") if f.get("action") == "/display-settings/")
    assert form["method"] == "post"
    assert "details" in form.inside


def test_full_form_saves_without_javascript_and_sets_only_the_display_cookie():
    client = Client(enforce_csrf_checks=True)  # a real browser without a token: must still work
    response = client.post(
        "/display-settings/", {"text_size": "large", "high_contrast": "on", "wide_spacing": ""}
    )
    assert response.status_code == 302
    assert response["Location"] == "/display-settings/?saved=1"
    assert set(response.cookies) == {COOKIE_NAME}
    cookie = response.cookies[COOKIE_NAME]
    assert cookie.value == "size-large.contrast-high.spacing-normal"
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_saved_notice_and_current_choices_show_on_the_form(client, home):
    client.cookies[COOKIE_NAME] = "size-large.contrast-normal.spacing-wide"
    page = read(client.get("/display-settings/?saved=1").content)
    assert [e for e in page.elements if e.get("role") == "status"]
    checked = {i.get("name"): i.get("value") for i in page.all("input") if "checked" in i.attrs}
    assert checked["text_size"] == "large"
    assert "wide_spacing" in checked
    assert "high_contrast" not in checked
    assert not [i for i in page.all("input") if i.get("name") == "csrfmiddlewaretoken"]


def test_quick_button_changes_one_setting_and_returns_to_the_page(client, home):
    client.cookies[COOKIE_NAME] = "size-normal.contrast-high.spacing-normal"
    response = client.post(
        "/display-settings/", {"quick": "1", "text_size": "large", "next": "/tin-tuc/?page=2"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/tin-tuc/?page=2"
    assert response.cookies[COOKIE_NAME].value == "size-large.contrast-high.spacing-normal"


def test_quick_toggle_flips_contrast(client, home):
    client.cookies[COOKIE_NAME] = "size-normal.contrast-high.spacing-wide"
    response = client.post("/display-settings/", {"quick": "1", "toggle": "contrast", "next": "/"})
    assert response.cookies[COOKIE_NAME].value == "size-normal.contrast-normal.spacing-wide"


def test_back_to_defaults_removes_the_cookie(client, home):
    client.cookies[COOKIE_NAME] = "size-large.contrast-high.spacing-wide"
    response = client.post("/display-settings/", {"quick": "1", "toggle": "reset", "next": "/"})
    assert response.cookies[COOKIE_NAME].value == ""
    assert response.cookies[COOKIE_NAME]["max-age"] == 0


def test_next_to_another_site_is_ignored(client, home):
    response = client.post(
        "/display-settings/", {"quick": "1", "text_size": "large", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/display-settings/?saved=1"


def test_invalid_form_gets_an_error_summary_not_a_500(client, home):
    response = client.post("/display-settings/", {"text_size": "gigantic"})
    assert response.status_code == 400
    page = read(response.content)
    summary = page.by_class("error-summary")[0]
    assert summary["tabindex"] == "-1"
    assert any(a.get("href") == "#id_text_size_0" for a in page.all("a"))
    assert COOKIE_NAME not in response.cookies


def test_display_settings_page_is_in_english_under_en(client, homes):
    response = client.get("/en/display-settings/")
    page = read(response.content)
    assert page.first("html")["lang"] == "en"
    assert page.all("h1")[0].text.strip() == "Display settings"

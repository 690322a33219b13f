"""The content checker editors see in the userbar and the preview panel carries the portal's rules."""

import json
import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from wagtail.admin.rich_text import get_rich_text_editor_widget
from wagtail.admin.userbar import AccessibilityItem, apply_userbar_hooks

from core.blocks.streams import BODY_RICH_TEXT_FEATURES
from core.wagtail_hooks import FILE_NAME_ALT_PATTERN, VAGUE_LINK_PHRASES, PortalContentChecker
from testsupport import make_article

pytestmark = pytest.mark.django_db

PORTAL_RULES = {"portal-alt-file-name", "portal-vague-link-text", "portal-table-header-cells"}


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser(
        "bientap", "bientap@example.gov.vn", "mat-khau-dai-12345"
    )
    client.force_login(user)
    return client


def _axe_configuration(html: str) -> dict:
    match = re.search(
        r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>', html, re.S
    )
    assert match, "the userbar has no content checker configuration"
    return json.loads(match.group(1))


def test_userbar_on_a_live_page_runs_the_portal_rules(editor_client, news_section):
    article = make_article(news_section, "Bài có kiểm tra")
    html = editor_client.get(article.url).content.decode()

    config = _axe_configuration(html)

    assert set(config["options"]["runOnly"]) >= PORTAL_RULES
    assert {"heading-order", "empty-table-header", "alt-text-quality"} <= set(
        config["options"]["runOnly"]
    )
    assert {rule["id"] for rule in config["spec"]["rules"]} >= PORTAL_RULES
    # Wagtail's own rules stay in.
    assert "alt-text-quality" in {rule["id"] for rule in config["spec"]["rules"]}
    # The script that supplies the evaluate functions loads with the userbar.
    assert "js/content-checks.js" in html


def test_every_custom_rule_names_checks_that_are_defined(editor_client, news_section):
    article = make_article(news_section, "Bài có kiểm tra")
    config = _axe_configuration(editor_client.get(article.url).content.decode())
    defined = {check["id"] for check in config["spec"]["checks"]}
    for rule in config["spec"]["rules"]:
        assert set(rule["any"]) <= defined, rule["id"]


def test_checks_carry_the_vague_phrases_and_file_name_pattern(editor_client, news_section):
    article = make_article(news_section, "Bài có kiểm tra")
    checks = {
        c["id"]: c
        for c in _axe_configuration(editor_client.get(article.url).content.decode())["spec"][
            "checks"
        ]
    }

    phrases = checks["portal-link-text-has-purpose"]["options"]["phrases"]
    assert {"bấm vào đây", "xem thêm", "click here"} <= set(phrases)
    assert checks["portal-alt-not-file-name"]["options"]["pattern"] == FILE_NAME_ALT_PATTERN
    # The table rule uses axe-core's built-in evaluator, so it needs no script at all.
    assert checks["portal-table-has-th"]["evaluate"] == "has-descendant-evaluate"
    assert "th" in checks["portal-table-has-th"]["options"]["selector"]


@pytest.mark.parametrize(
    ("alt", "looks_like_file"),
    [
        ("IMG_2031.jpg", True),
        ("anh-hoi-nghi-2026", True),
        ("DSC 0042", True),
        ("screenshot.PNG", True),
        ("Đại biểu bỏ phiếu tại hội nghị", False),
        ("Biểu đồ COVID-19 theo tháng", False),
        ("Hội nghị năm 2026", False),
    ],
)
def test_file_name_pattern_tells_file_names_from_descriptions(alt, looks_like_file):
    # The browser applies the same pattern case-insensitively (new RegExp(pattern, "i")).
    assert bool(re.search(FILE_NAME_ALT_PATTERN, alt, re.IGNORECASE)) is looks_like_file


def test_messages_explain_each_portal_rule_in_the_editors_language(editor_client, news_section):
    article = make_article(news_section, "Bài có kiểm tra")
    messages = _axe_configuration(editor_client.get(article.url).content.decode())["messages"]
    for rule_id in PORTAL_RULES | {"heading-order"}:
        assert messages[rule_id]["error_name"]
        assert messages[rule_id]["help_text"]


def test_editor_checks_panel_gets_the_same_checker():
    request = RequestFactory().get("/")
    items = [AccessibilityItem(in_editor=True)]

    apply_userbar_hooks(request, items, None)

    assert isinstance(items[0], PortalContentChecker)
    assert items[0].in_editor is True


def test_anonymous_readers_get_no_checker_script(client, news_section):
    article = make_article(news_section, "Bài công khai")
    html = client.get(article.url).content.decode()
    assert "checker-axe-configuration" not in html
    assert "content-checks.js" not in html


def test_vague_phrases_are_lower_case_so_the_browser_compares_like_with_like():
    assert all(phrase == phrase.lower().strip() for phrase in VAGUE_LINK_PHRASES)


def test_body_rich_text_offers_no_h1_and_no_underline():
    assert "h1" not in BODY_RICH_TEXT_FEATURES
    assert "underline" not in BODY_RICH_TEXT_FEATURES


def test_every_rich_text_field_defaults_to_the_same_limited_features():
    features = settings.WAGTAILADMIN_RICH_TEXT_EDITORS["default"]["OPTIONS"]["features"]
    assert features == BODY_RICH_TEXT_FEATURES
    widget = get_rich_text_editor_widget()
    assert "h1" not in widget.features
    assert "underline" not in widget.features

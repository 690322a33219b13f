"""The suite can fail: each deliberately broken page is caught by the check the portal's pages go
through, and a correct control page passes every one of them."""

import pytest

from a11y_tests.checks import (
    ax_tree_problems,
    keyboard_problems,
    motion_problems,
    no_js_problems,
    reflow_problems,
    skip_link_problems,
    text_layout_problems,
    video_problems,
)
from a11y_tests.conformance import fetch, validate
from a11y_tests.engine import run_axe
from a11y_tests.layout import layout_problems, measure_layout
from a11y_tests.snapshots import MEASURE_SCROLL

pytestmark = pytest.mark.browser
FIXTURES = "/__a11y__/fixtures/"


def _open(browser, name, width=1280):
    browser.open(FIXTURES + name, width=width, fresh=True)


@pytest.mark.parametrize(
    ("fixture", "rule"),
    [
        ("image-without-alt.html", "image-alt"),
        ("missing-lang.html", "html-has-lang"),
        ("low-contrast.html", "color-contrast"),
        ("skipped-heading.html", "heading-order"),
    ],
)
def test_axe_catches_broken_markup(page_browser, fixture, rule):
    _open(page_browser, fixture)
    result = run_axe(page_browser)
    assert rule in {finding.rule for finding in result.violations}, result.violations
    assert result.version.startswith("4."), "the suite must run the pinned axe-core 4.x"


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("image-without-alt.html", "an image has no text alternative"),
        ("skipped-heading.html", "is level 3 after level 1 (skipped level)"),
        ("missing-description.html", 'input#day aria-describedby="day_error" points at no element'),
        ("unlabelled-field.html", "a form field (textbox) has no label (only a placeholder)"),
        ("unnamed-cards.html", "2 article regions without a name"),
    ],
)
def test_accessibility_tree_check_catches_broken_markup(page_browser, fixture, expected):
    _open(page_browser, fixture)
    problems = ax_tree_problems(page_browser)
    assert any(expected in problem for problem in problems), problems


def test_label_in_name_check_catches_a_button_named_otherwise_than_it_reads(page_browser):
    _open(page_browser, "label-not-in-name.html")
    problems = ax_tree_problems(page_browser)
    assert any(
        p.startswith("label in name: button shows 'A+'") and "'Larger text'" in p for p in problems
    ), problems


@pytest.mark.parametrize(
    ("fixture", "width", "expected"),
    [
        ("outside-container.html", 1280, "lie outside the page column"),
        ("cut-off.html", 320, "cut off at the edge of, or wider than, the 320 px window"),
    ],
)
def test_layout_check_catches_a_misplaced_or_cut_off_column(page_browser, fixture, width, expected):
    _open(page_browser, fixture, width=width)
    problems = layout_problems(measure_layout(page_browser))
    assert any(expected in p for p in problems), problems
    # The horizontal-scroll measure alone sees neither: the window does not scroll.
    assert reflow_problems(page_browser.js(MEASURE_SCROLL)) == []


def test_keyboard_check_catches_a_focus_trap(page_browser):
    _open(page_browser, "focus-trap.html")
    problems = keyboard_problems(page_browser)
    assert any("focus never left the page" in p and "input#code" in p for p in problems), problems
    assert any("A link that keyboard users never reach" in p for p in problems), problems


def test_keyboard_check_catches_invisible_focus(page_browser):
    _open(page_browser, "no-visible-focus.html")
    problems = keyboard_problems(page_browser)
    assert any('"First link" shows no visible focus' in p for p in problems), problems


def test_skip_link_check_catches_a_page_without_one(page_browser):
    _open(page_browser, "no-skip-link.html")
    problems = skip_link_problems(page_browser)
    assert any("not a skip link" in p for p in problems), problems


def test_reflow_check_catches_a_page_wider_than_320px(page_browser):
    _open(page_browser, "too-wide.html", width=320)
    problems = reflow_problems(page_browser.js(MEASURE_SCROLL))
    assert problems and "div.banner" in problems[0], problems


def test_text_check_catches_clipped_and_overlapping_text_at_200_percent(page_browser):
    page_browser.set_font_scale(2.0)
    _open(page_browser, "overlapping-text.html")
    problems = text_layout_problems(page_browser)
    assert any("is clipped by div.box" in p for p in problems), problems
    assert any("overlaps" in p and "make enlarged lines overlap" in p for p in problems), problems


def test_motion_check_catches_an_animation_that_ignores_reduced_motion(page_browser):
    page_browser.set_media_features(prefers_reduced_motion="reduce")
    _open(page_browser, "long-animation.html")
    problems = motion_problems(page_browser)
    assert any("p.pulse: animation pulse lasts 2s" in p for p in problems), problems


def test_no_javascript_check_catches_script_only_content(page_browser):
    page_browser.set_scripts_disabled(True)
    _open(page_browser, "script-only.html")
    problems = no_js_problems(page_browser)
    assert "no level-1 heading without JavaScript" in problems, problems
    assert any("display-settings form" in p for p in problems), problems


def test_video_check_catches_missing_captions_and_transcript(page_browser):
    _open(page_browser, "video-without-captions.html")
    problems = video_problems(page_browser)
    assert any("missing-captions.vtt answer 404" in p for p in problems), problems
    assert any("no transcript" in p for p in problems), problems


def test_html_conformance_check_catches_invalid_markup(page_browser):
    """One run of the checker for both pages, as for the matrix; the control page has no error."""
    documents = {
        name: fetch(page_browser.base_url, FIXTURES + f"{name}.html")
        for name in ("invalid-markup", "ok")
    }
    messages = validate(documents)
    errors = [m.describe() for m in messages["invalid-markup"] if m.fails]
    assert any(
        "2026-12-06T11:01:36.746956+07:00" in e and "fraction of a second" in e for e in errors
    ), errors
    assert [m.describe() for m in messages["ok"] if m.fails] == []


def test_every_check_passes_the_correct_control_page(page_browser):
    """Without this, a check that reports everything would also 'catch' the broken pages."""
    _open(page_browser, "ok.html")
    assert run_axe(page_browser).violations == []
    checks = {
        "skip link": skip_link_problems,
        "keyboard": keyboard_problems,
        "accessibility tree": ax_tree_problems,
        "motion": motion_problems,
    }
    for name, check in checks.items():
        _open(page_browser, "ok.html")
        assert check(page_browser) == [], name
    _open(page_browser, "ok.html", width=320)
    assert reflow_problems(page_browser.js(MEASURE_SCROLL)) == []
    for width in (320, 1280):
        _open(page_browser, "ok.html", width=width)
        assert layout_problems(measure_layout(page_browser)) == [], width
    page_browser.set_font_scale(2.0)
    _open(page_browser, "ok.html")
    assert text_layout_problems(page_browser) == []
    page_browser.reset()
    page_browser.set_scripts_disabled(True)
    _open(page_browser, "ok.html")
    assert no_js_problems(page_browser) == []

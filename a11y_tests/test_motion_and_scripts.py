"""Reduced motion is honoured, and every page is readable and adjustable with JavaScript off."""

import pytest

from a11y_tests.checks import MOTION_LIMIT_SECONDS, motion_problems, no_js_problems
from a11y_tests.matrix import case_keys, case_or_skip

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("key", case_keys())
def test_reduced_motion_stops_animations_and_transitions(page_browser, report, key):
    case = case_or_skip(key)
    page_browser.set_media_features(prefers_reduced_motion="reduce")
    page_browser.open(case.path, width=1280)
    problems = motion_problems(page_browser)
    report.add_check(f"prefers-reduced-motion: nothing over {MOTION_LIMIT_SECONDS}s", key, problems)
    assert not problems, f"{case.label} with prefers-reduced-motion: reduce:\n" + "\n".join(
        problems
    )


@pytest.mark.parametrize("key", case_keys())
def test_page_works_without_javascript(page_browser, report, key):
    case = case_or_skip(key)
    page_browser.set_scripts_disabled(True)
    page_browser.open(case.path, width=1280)
    # The static 500 page is deliberately bare (no database, no settings form).
    problems = no_js_problems(page_browser, needs_display_form=not key.endswith(":server-error"))
    report.add_check("works without JavaScript", key, problems)
    assert not problems, f"{case.label} with JavaScript off: {problems}"

"""What Chromium tells assistive technology (the accessibility tree), and text at 200 %."""

import pytest

from a11y_tests.checks import ax_tree_problems, text_layout_problems
from a11y_tests.matrix import case_keys, case_or_skip

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("key", case_keys())
def test_accessibility_tree_has_one_main_one_h1_ordered_headings_and_names(
    page_browser, report, key
):
    case = case_or_skip(key)
    page_browser.open(case.path, width=1280)
    problems = ax_tree_problems(page_browser)
    report.add_check("accessibility tree", key, problems)
    assert not problems, f"{case.label}:\n" + "\n".join(problems)


@pytest.mark.parametrize("width", [1280])
@pytest.mark.parametrize("key", case_keys())
def test_text_at_200_percent_is_not_clipped_or_overlapping(page_browser, report, key, width):
    case = case_or_skip(key)
    page_browser.set_font_scale(2.0)
    page_browser.open(case.path, width=width)
    problems = text_layout_problems(page_browser)
    report.add_check("text at 200%", f"{key} @{width}px", problems)
    assert not problems, f"{case.label} with text at 200 %:\n" + "\n".join(problems)

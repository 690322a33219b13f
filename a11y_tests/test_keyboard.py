"""Keyboard use: the skip link, and a Tab walk through the whole page (order, trap, focus)."""

import pytest

from a11y_tests.browser import MODES_BY_NAME
from a11y_tests.checks import keyboard_problems, skip_link_problems
from a11y_tests.matrix import case_keys, case_or_skip

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("key", case_keys())
def test_skip_link_is_first_and_moves_focus_into_main(page_browser, report, key, width):
    case = case_or_skip(key)
    page_browser.open(case.path, width=width, fresh=True)
    problems = skip_link_problems(page_browser)
    report.add_check("skip link", f"{key} @{width}px", problems)
    assert not problems, f"{case.label} at {width}px: {problems}"


# Every page in the default mode; the high-contrast focus style once per template (the English
# pages render the same templates, so their focus styles are the Vietnamese ones).
WALKS = [(key, "default") for key in case_keys()] + [
    (key, "high-contrast") for key in case_keys() if key.startswith("vi:")
]


@pytest.mark.parametrize(("key", "mode"), WALKS)
def test_tab_reaches_everything_in_order_with_visible_focus(page_browser, report, key, mode):
    case = case_or_skip(key)
    page_browser.open(case.path, MODES_BY_NAME[mode], width=1280, fresh=True)
    problems = keyboard_problems(page_browser)
    report.add_check("keyboard: Tab order, no trap, visible focus", f"{key} [{mode}]", problems)
    assert not problems, f"{case.label} in {mode} mode:\n" + "\n".join(problems)

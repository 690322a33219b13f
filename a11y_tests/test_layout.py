"""Layout sanity at 320 and 1280 px: the main column inside the page container, nothing cut off
at the window's edge or wider than it; every page kind, language and display mode.

The measures come from the same visit as axe's (snapshots.py); a picture of the whole page at
each width, in the default mode, goes to the report for a person to look at.
"""

import pytest

from a11y_tests.browser import MODES, WIDTHS
from a11y_tests.layout import layout_problems
from a11y_tests.matrix import case_keys, case_or_skip

pytestmark = pytest.mark.browser
MODE_NAMES = [mode.name for mode in MODES]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("mode", MODE_NAMES)
@pytest.mark.parametrize("key", case_keys())
def test_main_column_lies_within_the_page_container_and_the_window(
    inspector, report, key, mode, width
):
    case_or_skip(key)
    snapshot = inspector.snapshot(key, mode, width)
    problems = layout_problems(snapshot.layout)
    report.add_check(f"layout at {width}px", f"{key} [{mode}]", problems)
    assert not problems, f"{snapshot.where}:\n" + "\n".join(problems)

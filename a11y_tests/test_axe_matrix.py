"""axe-core on every page kind, in Vietnamese and English, in each display mode and width."""

import pytest

from a11y_tests.browser import MODES, WIDTHS
from a11y_tests.checks import reflow_problems
from a11y_tests.engine import describe_violations
from a11y_tests.matrix import case_keys, case_or_skip

pytestmark = pytest.mark.browser
MODE_NAMES = [mode.name for mode in MODES]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("mode", MODE_NAMES)
@pytest.mark.parametrize("key", case_keys())
def test_page_has_no_axe_violations(inspector, key, mode, width):
    case_or_skip(key)
    snapshot = inspector.snapshot(key, mode, width)
    assert not snapshot.axe.violations, describe_violations(snapshot.where, snapshot.axe.violations)


@pytest.mark.parametrize("mode", MODE_NAMES)
@pytest.mark.parametrize("key", case_keys())
def test_page_reflows_without_horizontal_scroll_at_320px(inspector, report, key, mode):
    case_or_skip(key)
    snapshot = inspector.snapshot(key, mode, 320)
    problems = reflow_problems(snapshot.scroll)
    report.add_check("no horizontal scroll at 320px", f"{key} [{mode}]", problems)
    assert not problems, f"{snapshot.where}: {problems}"

"""One visit per page, mode and width, shared by every check that needs that state.

axe, the reflow and layout measures and the screenshots all look at the same rendered page, so
the first test that needs a combination opens it once and the others read the cached result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from a11y_tests.browser import MODES, MODES_BY_NAME, Browser
from a11y_tests.engine import AxeResult, run_axe
from a11y_tests.layout import full_page_screenshot, measure_layout
from a11y_tests.matrix import PageCase, resolve
from a11y_tests.report import SHOTS_DIR, Report

MEASURE_SCROLL = """
const root = document.documentElement;
const wide = [];
for (const el of document.body.querySelectorAll('*')) {
  const box = el.getBoundingClientRect();
  if (box.width && (box.right > root.clientWidth + 1 || box.left < -1)) {
    const style = getComputedStyle(el);
    if (style.position === 'absolute' || style.position === 'fixed') continue;
    const classes = el.classList.length ? '.' + [...el.classList].join('.') : '';
    wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + classes
      + ' ' + Math.round(box.right));
    if (wide.length >= 5) break;
  }
}
return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide: wide};
"""


@dataclass
class Snapshot:
    case: PageCase
    mode: str
    width: int
    axe: AxeResult
    scroll: dict[str, Any]
    screenshot: str
    layout: dict[str, Any]
    full_page: str | None = None  # the whole page, taken in the default mode only

    @property
    def where(self) -> str:
        return f"page {self.case.label}, mode {self.mode}, {self.width}px wide"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class Inspector:
    def __init__(self, browser: Browser, report: Report) -> None:
        self.browser = browser
        self.report = report
        self._cache: dict[tuple[str, str, int], Snapshot] = {}

    def snapshot(self, key: str, mode: str, width: int) -> Snapshot:
        """The page `key` in `mode` at `width`: axe results, overflow and a screenshot."""
        cache_key = (key, mode, width)
        if cache_key not in self._cache:
            self._cache[cache_key] = self._take(resolve(key), mode, width)
        return self._cache[cache_key]

    def _take(self, case: PageCase, mode: str, width: int) -> Snapshot:
        browser = self.browser
        browser.reset()
        browser.open(case.path, MODES_BY_NAME[mode], width)
        browser.js("window.scrollTo(0, 0)")
        SHOTS_DIR.mkdir(parents=True, exist_ok=True)
        shot = SHOTS_DIR / f"{_slug(case.key)}--{mode}--{width}.png"
        browser.screenshot(shot)
        scroll = browser.js(MEASURE_SCROLL)
        layout = measure_layout(browser)
        result = run_axe(browser)
        full_page = None
        if mode == MODES[0].name:
            whole = SHOTS_DIR / f"{_slug(case.key)}--full--{width}.jpg"
            full_page_screenshot(browser, whole)
            full_page = whole.relative_to(SHOTS_DIR.parent).as_posix()
        snapshot = Snapshot(
            case,
            mode,
            width,
            result,
            scroll,
            shot.relative_to(SHOTS_DIR.parent).as_posix(),
            layout,
            full_page,
        )
        self.report.add_snapshot(snapshot)
        return snapshot

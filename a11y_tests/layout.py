"""Layout sanity beyond "no horizontal scroll": the main column inside the page container, nothing
cut off at the window's edge, and a picture of the whole page for a person to look at.

The page container is the site header's centred `.container` (the 500 page, which has no site
chrome, has its own); the content of `<main>` should line up with it, as the header and footer do.
A page whose content runs flush to the window's edges while the header is centred looks broken
to everyone and is hard to follow at high magnification, yet no axe rule or scroll measure sees
it. Content meant to span the window (an e-magazine's wide picture) says so with
`data-full-bleed`, and must still fit in the window.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from a11y_tests.browser import Browser
from a11y_tests.checks import script

PAGE_CONTAINER = ("body > header .container", "body > header")
FULL_BLEED = "[data-full-bleed]"
# A full-page picture taller than this is cut (the report is for looking, not for archiving).
SCREENSHOT_MAX_HEIGHT = 9000
SHOWN = 6


def measure_layout(browser: Browser) -> dict[str, Any]:
    """Where the page column is, and what lies outside it or beyond the window (layout.js)."""
    return browser.js(script("layout.js"), list(PAGE_CONTAINER), FULL_BLEED)


def _listed(items: list[str]) -> str:
    more = len(items) - SHOWN
    return "; ".join(items[:SHOWN]) + (f"; and {more} more" if more > 0 else "")


def layout_problems(measure: dict[str, Any]) -> list[str]:
    problems = []
    if measure["container"] is None:
        problems.append(
            "no page container to line the main column up with (no <header> with a .container)"
        )
    if measure["outside"]:
        column = measure["column"]
        problems.append(
            f"{len(measure['outside'])} element(s) of <main> lie outside the page column "
            f"({column['left']}–{column['right']} px, {measure['container']}): "
            + _listed(measure["outside"])
        )
    if measure["cutOff"]:
        problems.append(
            f"{len(measure['cutOff'])} element(s) cut off at the edge of, or wider than, the "
            f"{measure['viewWidth']} px window: " + _listed(measure["cutOff"])
        )
    return problems


def full_page_screenshot(browser: Browser, target: Path) -> None:
    """The whole page at the window's width (JPEG: dozens of tall pages stay a few megabytes)."""
    width = browser.js("return document.documentElement.clientWidth")
    height = browser.js("return document.documentElement.scrollHeight")
    data = browser.cdp(
        "Page.captureScreenshot",
        {
            "format": "jpeg",
            "quality": 70,
            "captureBeyondViewport": True,
            "clip": {
                "x": 0,
                "y": 0,
                "width": width,
                "height": min(height, SCREENSHOT_MAX_HEIGHT),
                "scale": 1,
            },
        },
    )["data"]
    target.write_bytes(base64.b64decode(data))

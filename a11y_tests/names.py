"""Label in name (WCAG 2.5.3): a control's accessible name contains the text it shows.

A speech-input user activates a control by saying what they see on it ("click A plus"); if the
name the browser exposes is something else ("Chữ lớn"), nothing answers. The visible text comes
from the rendered page (label_in_name.js), the name from Chromium's accessibility tree; the two
are matched through the DOM node each belongs to.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

from a11y_tests.browser import Browser

JS = Path(__file__).resolve().parent / "js" / "label_in_name.js"
MARK = "data-a11y-lin"
OPEN_DETAILS = """
const folded = [...document.querySelectorAll('details:not([open])')];
folded.forEach((d) => { d.open = true; d.setAttribute('data-a11y-opened', ''); });
return folded.length;
"""
CLEAN_UP = """
document.querySelectorAll('[data-a11y-opened]').forEach((d) => {
  d.open = false; d.removeAttribute('data-a11y-opened'); });
document.querySelectorAll('[data-a11y-lin]').forEach((el) => el.removeAttribute('data-a11y-lin'));
"""


@cache
def _script() -> str:
    return JS.read_text(encoding="utf-8")


# Regions a screen reader lists and jumps between, where repeats must be told apart by name.
REPEATED_ROLES = ("article",)


def repeated_region_problems(nodes: list[dict[str, Any]]) -> list[str]:
    """A list of cards is a run of article regions: unnamed, they read as "article, article...".

    One unnamed article (the page's own story) is clear enough; two or more cannot be told apart.
    Two stories may share a title, so equal names are allowed: they are what the reader sees.
    """
    problems = []
    for role in REPEATED_ROLES:
        names = [
            ((node.get("name") or {}).get("value") or "").strip()
            for node in nodes
            if (node.get("role") or {}).get("value") == role
        ]
        unnamed = names.count("")
        if unnamed > 1:
            problems.append(
                f"{unnamed} {role} regions without a name (name each by its heading, "
                "e.g. aria-labelledby): a screen reader lists them as identical"
            )
    return problems


def words(text: str) -> list[str]:
    """Words and symbols as a speech user would say them: case, spacing and punctuation aside.

    Letters, digits and symbols ("+", "−") count; punctuation (",", ":", "›") does not, so
    "Trang sau ›" is found in the name "Trang sau" but "A+" is not found in "Chữ lớn".
    """
    text = unicodedata.normalize("NFC", text).casefold()
    return [
        token
        for token in re.findall(r"\w+|[^\w\s]", text)
        if not unicodedata.category(token[0]).startswith("P")
    ]


def contains_label(name: str, visible: str) -> bool:
    """The visible text's words appear, in order and together, among the name's words."""
    shown, named = words(visible), words(name)
    if not shown:
        return True
    return any(named[i : i + len(shown)] == shown for i in range(len(named) - len(shown) + 1))


def _marked_backend_ids(node: dict[str, Any], found: dict[int, int]) -> dict[int, int]:
    attributes = node.get("attributes") or []
    for position in range(0, len(attributes) - 1, 2):
        if attributes[position] == MARK:
            found[node["backendNodeId"]] = int(attributes[position + 1])
    for child in node.get("children") or []:
        _marked_backend_ids(child, found)
    return found


def label_in_name_problems(browser: Browser) -> list[str]:
    """Every visible control with text whose accessible name does not contain that text."""
    browser.js(OPEN_DETAILS)
    try:
        controls = browser.js(_script())
        if not controls:
            return []
        tree = browser.cdp("Accessibility.getFullAXTree")
        document = browser.cdp("DOM.getDocument", {"depth": -1})
    finally:
        browser.js(CLEAN_UP)
        browser.forget_page()
    names = {
        node["backendDOMNodeId"]: ((node.get("name") or {}).get("value") or "").strip()
        for node in tree["nodes"]
        if not node.get("ignored") and "backendDOMNodeId" in node
    }
    problems = []
    for backend_id, index in _marked_backend_ids(document["root"], {}).items():
        if backend_id not in names:
            continue  # not exposed to assistive technology at all (the tree check covers names)
        control, name = controls[index], names[backend_id]
        if not contains_label(name, control["text"]):
            problems.append(
                f"label in name: {control['what']} shows {control['text']!r} but its "
                f"accessible name is {name!r} (a speech-input user saying what they see "
                "cannot reach it)"
            )
    return sorted(problems)

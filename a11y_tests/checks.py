"""The checks axe cannot make, each a function from a browser showing a page to a list of problems.

An empty list means the page passed. The same functions run on the portal's pages and on the
deliberately broken fixtures, which is how the suite shows that each check can fail.
"""

from __future__ import annotations

import itertools
from functools import cache
from pathlib import Path
from typing import Any

from a11y_tests.browser import Browser
from a11y_tests.names import label_in_name_problems, repeated_region_problems

JS_DIR = Path(__file__).resolve().parent / "js"
TAB = {"key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9, "nativeVirtualKeyCode": 9}
ENTER = {"key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "nativeVirtualKeyCode": 13}
MOTION_LIMIT_SECONDS = 0.1
FIELD_ROLES = {
    "textbox",
    "searchbox",
    "combobox",
    "listbox",
    "checkbox",
    "radio",
    "spinbutton",
    "slider",
    "switch",
    "Date",  # Chromium's internal roles for date and time inputs
    "DateTime",
    "InputTime",
}
IMAGE_ROLES = {"image", "img", "graphics-document"}


@cache
def script(name: str) -> str:
    return (JS_DIR / name).read_text(encoding="utf-8")


def press(browser: Browser, key: dict[str, Any], times: int = 1) -> None:
    """Real key presses through DevTools: the browser moves focus as it would for a person."""
    for _ in range(times):
        browser.cdp("Input.dispatchKeyEvent", {"type": "rawKeyDown", **key})
        browser.cdp("Input.dispatchKeyEvent", {"type": "keyUp", **key})


# Skip link ---------------------------------------------------------------------------------

SKIP_STATE = """
const el = document.activeElement;
const box = el.getBoundingClientRect();
const href = el.getAttribute('href') || '';
const target = href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
const main = document.querySelector('main, [role=main]');
return {tag: el.tagName, text: (el.innerText || '').trim(), href: href,
        toMain: !!(target && main && (target === main || target.contains(main))),
        inMain: !!el.closest('main'), onScreen: box.width > 0 && box.height > 0 && box.bottom > 0
        && box.right > 0 && box.top < innerHeight && box.left < innerWidth,
        firstFocusable: window.__a11yFocus ? window.__a11yFocus.expected[0] === el : null};
"""


def skip_link_problems(browser: Browser) -> list[str]:
    """The first Tab lands on a visible link to the main content; Enter moves focus into main."""
    expected = browser.js(script("focus_walk_setup.js"))
    if not expected:
        return ["the page has nothing focusable, not even a skip link"]
    press(browser, TAB)
    first = browser.js(SKIP_STATE)
    problems = []
    if not first["firstFocusable"]:
        problems.append(
            f"the first Tab reached {first['tag']} {first['text']!r}, "
            "not the first focusable element"
        )
    if first["tag"] != "A" or not first["toMain"]:
        return [
            *problems,
            f"the first focusable element is {expected[0]}, not a skip link to <main>",
        ]
    if not first["onScreen"]:
        problems.append(f"the skip link {first['text']!r} stays off screen when focused")
    press(browser, ENTER)
    after = browser.js(SKIP_STATE)
    if not after["inMain"]:
        problems.append(
            f"after following the skip link, focus is on {after['tag']}, not inside <main>"
        )
    browser.forget_page()
    return problems


# Keyboard walk -----------------------------------------------------------------------------


def _visible_change(focused: dict[str, str], unfocused: dict[str, str] | None) -> bool:
    if unfocused is None:
        return True  # still focused at the end of the walk; its unfocused look was the baseline
    if focused["outline"] != "none" and focused["outline"] != unfocused["outline"]:
        return True
    return focused["boxShadow"] != unfocused["boxShadow"] and focused["boxShadow"] != "none"


def _end_of_walk(log: list[dict[str, Any]]) -> int | None:
    """Where focus left the page: a 'left the document' entry followed by the wrap to the start.

    Focus also leaves the document when it enters an iframe; it then comes back to the next
    element of the page, not to the first one, so such an excursion is not the end.
    """
    first = next((e["index"] for e in log if e["index"] >= 0), None)
    for position, entry in enumerate(log):
        if entry["index"] != -2 or entry["tag"] == "IFRAME":
            continue
        following = log[position + 1] if position + 1 < len(log) else None
        if following is not None and following["index"] >= 0 and following["index"] <= (first or 0):
            return position
    return None


def _walk(
    browser: Browser, expected_count: int
) -> tuple[list[dict[str, Any]], list[dict[str, str]], int]:
    """Press Tab until focus leaves the page, or until more presses reach nothing new (a trap)."""
    presses, log, baseline = 0, [], []
    limit = 3 * expected_count + 20  # date fields take three stops (day, month, year)
    while presses < limit:
        batch = max(4, expected_count + 4 - len({e["index"] for e in log}))
        press(browser, TAB, times=batch)
        presses += batch
        data = browser.js(script("focus_walk_log.js"))
        before = len(log)
        log, baseline = data["log"], data["baseline"]
        if _end_of_walk(log) is not None or len(log) == before:
            break  # focus left the page, or a whole batch of presses moved it nowhere
    return log, baseline, presses


def keyboard_problems(browser: Browser) -> list[str]:
    """Tab from the top to the end: every focusable element in DOM order, no trap, focus visible."""
    expected = browser.js(script("focus_walk_setup.js"))
    log, baseline, presses = _walk(browser, len(expected))
    browser.forget_page()
    problems: list[str] = []

    left_at = _end_of_walk(log)
    walk = [e for e in (log if left_at is None else log[:left_at]) if e["index"] != -2]
    if left_at is None:
        last = walk[-1]["what"] if walk else "the start of the page"
        stuck = [e["what"] for e in walk[-3:]]
        problems.append(
            f"focus never left the page after {presses} Tab presses ({len(expected)} focusable "
            f"elements): trapped around {last} (last stops: {stuck})"
        )
    for previous, current in itertools.pairwise(walk):
        if previous["what"] == current["what"] and previous["index"] == current["index"]:
            problems.append(f"Tab does not move on from {current['what']} (focus trap)")
            break

    reached = [entry["index"] for entry in walk if entry["index"] >= 0]
    missing = [expected[i] for i in range(len(expected)) if i not in reached]
    if missing:
        problems.append(f"Tab never reaches {len(missing)} element(s): {missing[:8]}")
    out_of_order = [expected[b] for a, b in itertools.pairwise(reached) if b <= a]
    if out_of_order:
        problems.append(f"Tab order differs from the DOM order at: {out_of_order[:5]}")

    for entry in walk:
        if entry["tag"] == "IFRAME":
            continue  # focus is inside the embedded document, which draws its own focus
        unfocused = baseline[entry["index"]] if entry["index"] >= 0 else entry["unfocused"]
        if not _visible_change(entry["focused"], unfocused):
            problems.append(
                f"{entry['what']} shows no visible focus (outline {entry['focused']['outline']!r}, "
                f"box-shadow {entry['focused']['boxShadow']!r} same as unfocused)"
            )
    return problems


# Layout ------------------------------------------------------------------------------------


def reflow_problems(scroll: dict[str, Any]) -> list[str]:
    if scroll["scrollWidth"] <= scroll["clientWidth"]:
        return []
    return [
        f"horizontal scrolling: the page is {scroll['scrollWidth']}px wide in a "
        f"{scroll['clientWidth']}px window; too wide: {scroll['wide']}"
    ]


TEXT_REGIONS = ("body > header", "header", "nav", "main")


def text_layout_problems(browser: Browser) -> list[str]:
    """Text clipped or overlapping in the header, the navigation and the main content."""
    result = browser.js(script("text_layout.js"), list(TEXT_REGIONS))
    if not result["checked"]:
        return ["no text found in header, nav or main (is the page empty?)"]
    return result["problems"]


# Accessibility tree ------------------------------------------------------------------------


def _value(node: dict[str, Any], key: str) -> Any:
    return (node.get(key) or {}).get("value")


def _property(node: dict[str, Any], name: str) -> Any:
    for prop in node.get("properties", []):
        if prop["name"] == name:
            return prop["value"].get("value")
    return None


def _name_source(node: dict[str, Any]) -> str | None:
    """Where the accessible name came from (e.g. 'placeholder'), or None when there is no name."""
    for source in (node.get("name") or {}).get("sources", []):
        if source.get("superseded") or "value" not in source:
            continue
        if (source["value"].get("value") or "").strip():
            return source.get("type")
    return None


def ax_nodes_in_order(tree: dict[str, Any]) -> list[dict[str, Any]]:
    nodes = {node["nodeId"]: node for node in tree["nodes"]}
    roots = [node for node in tree["nodes"] if not node.get("parentId")]
    ordered: list[dict[str, Any]] = []
    stack = list(reversed(roots))
    while stack:
        node = stack.pop()
        ordered.append(node)
        stack.extend(nodes[child] for child in reversed(node.get("childIds", [])) if child in nodes)
    return ordered


BROKEN_REFERENCES = """
const broken = [];
for (const attr of ['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-errormessage']) {
  for (const el of document.querySelectorAll(`[${attr}]`)) {
    for (const id of el.getAttribute(attr).trim().split(/\\s+/)) {
      if (id && !document.getElementById(id)) {
        broken.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} ${attr}="${id}"`);
      }
    }
  }
}
return broken;
"""


def ax_tree_problems(browser: Browser) -> list[str]:
    """Landmarks, headings and names as assistive technology receives them from Chromium, and
    each control's name containing the text it shows (label in name)."""
    nodes = [
        n
        for n in ax_nodes_in_order(browser.cdp("Accessibility.getFullAXTree"))
        if not n.get("ignored")
    ]
    problems: list[str] = []
    mains = [n for n in nodes if _value(n, "role") == "main"]
    if len(mains) != 1:
        problems.append(f"{len(mains)} main landmarks (expected exactly one)")
    headings = [
        (int(_property(n, "level") or 0), (_value(n, "name") or "").strip())
        for n in nodes
        if _value(n, "role") == "heading"
    ]
    level_one = [name for level, name in headings if level == 1]
    if len(level_one) != 1:
        problems.append(f"{len(level_one)} level-1 headings {level_one[:3]} (expected exactly one)")
    previous = 0
    for level, name in headings:
        if level > previous + 1:
            problems.append(
                f"heading {name!r} is level {level} after level {previous} (skipped level)"
            )
        previous = level
    for node in nodes:
        role = _value(node, "role")
        name = (_value(node, "name") or "").strip()
        if role in IMAGE_ROLES and not name:
            problems.append(
                "an image has no text alternative and is not marked decorative "
                f"(node {node['nodeId']})"
            )
        elif role in {"link", "button"} and not name:
            problems.append(f"a {role} has no accessible name (node {node['nodeId']})")
        elif role in FIELD_ROLES:
            source = _name_source(node)
            if not name or source in {None, "placeholder"}:
                problems.append(
                    f"a form field ({role}) has no label"
                    + (" (only a placeholder)" if name else "")
                )
    # A name or description pointing at a missing element is silently dropped by the browser.
    for reference in browser.js(BROKEN_REFERENCES):
        problems.append(f"{reference} points at no element (the label or message is lost)")
    return problems + repeated_region_problems(nodes) + label_in_name_problems(browser)


# Media -------------------------------------------------------------------------------------

TRANSCRIPT = """
const candidates = [
  ...document.querySelectorAll('[id*=transcript], [class*=transcript], [data-transcript]')];
for (const heading of document.querySelectorAll('main h2, main h3, main summary')) {
  if (/transcript|bản ghi/i.test(heading.innerText)) {
    candidates.push(heading.closest('section, details, div') || heading.parentElement);
  }
}
return Math.max(0, ...candidates.map((el) => (el.textContent || '').trim().length));
"""


def video_problems(browser: Browser) -> list[str]:
    found = browser.driver.execute_async_script(script("media.js"))
    if not found["videos"]:
        return ["a video page without a <video> element (a player the suite can check)"]
    problems = []
    for video in found["videos"]:
        captions = [t for t in video["tracks"] if t["kind"] in {"captions", "subtitles"}]
        if not captions:
            problems.append(f"video {video['id']} has no captions track")
        for track in captions:
            if track["status"] != 200 or not track["webvtt"]:
                problems.append(
                    f"captions {track['src']} answer {track['status']} and are "
                    f"{'' if track['webvtt'] else 'not '}WebVTT"
                )
            elif track["readyState"] != 2 or not track["cues"]:
                problems.append(
                    f"captions {track['src']} do not load in the player "
                    f"(readyState {track['readyState']}, {track['cues']} cues)"
                )
    return problems + transcript_problems(browser)


def audio_problems(browser: Browser) -> list[str]:
    problems = transcript_problems(browser)
    if not browser.js("return document.querySelectorAll('audio[controls]').length"):
        problems.append("an audio page without an <audio controls> player")
    return problems


def transcript_problems(browser: Browser) -> list[str]:
    if browser.js(TRANSCRIPT) < 40:
        return [
            "no transcript on the page (an element marked transcript, or a 'Bản ghi lời' section)"
        ]
    return []


# Motion and scripts ------------------------------------------------------------------------


def motion_problems(browser: Browser) -> list[str]:
    return browser.js(script("motion.js"), MOTION_LIMIT_SECONDS)


NO_JS_STATE = """
const main = document.querySelector('main');
const h1 = document.querySelector('h1');
const form = document.querySelector('form[action$="/display-settings/"]');
return {
  main: main ? main.innerText.trim().length : 0,
  h1: h1 ? h1.innerText.trim() : '',
  form: !!form,
  formButtons: form ? form.querySelectorAll('button[type=submit], button:not([type])').length : 0,
  formFields: form ? form.querySelectorAll('input:not([type=hidden]), button, select').length : 0,
};
"""


def no_js_problems(browser: Browser, needs_display_form: bool = True) -> list[str]:
    """Read with scripts off: the content is there, and so is the display-settings form."""
    state = browser.js(NO_JS_STATE)
    problems = []
    if not state["h1"]:
        problems.append("no level-1 heading without JavaScript")
    if state["main"] < 40:
        problems.append(
            f"the main content is (almost) empty without JavaScript ({state['main']} characters)"
        )
    if needs_display_form and not (state["form"] and state["formButtons"] and state["formFields"]):
        problems.append(
            "the display-settings form (text size, contrast) is missing without JavaScript"
        )
    return problems

"""Find what an admin screen shows in English: user-visible text equal to a package's msgid.

A message that comes out of gettext untranslated is its msgid, so a rendered text node, label,
tooltip or button that matches a msgid of Wagtail, wagtailmedia, django-otp or django-axes is one
an editor would read in English. Comparing with the msgid catalogue (not a list of English words)
means a new screen or a Wagtail upgrade cannot slip an untranslated message past the test.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser

from django.conf import settings

from core.editors.catalogue import msgid_patterns, same_in_vietnamese

__all__ = ["untranslated_messages", "visible_strings"]

# Attributes a person perceives: read aloud by screen readers, shown as tooltips or placeholders.
VISIBLE_ATTRIBUTES = {
    "title",
    "alt",
    "placeholder",
    "aria-label",
    "aria-description",
    "aria-roledescription",
    "data-w-tooltip-content-value",
    "data-w-clipboard-copied-message",
}
SKIPPED_ELEMENTS = {"style", "code", "pre", "svg"}
VOID_ELEMENTS = {
    "area",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "wbr",
}


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.strings: list[str] = []
        self._skip = 0
        self._json_script = False
        self._in_script = False
        self._script_text: list[str] = []
        self._hidden_tag: str | None = None
        self._hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "script":
            self._in_script = True
            self._json_script = (attributes.get("type") or "") == "application/json"
            return
        if self._hidden_tag:
            # Inside an element with the `hidden` attribute: nobody sees or hears it.
            self._hidden_depth += tag == self._hidden_tag
            return
        if "hidden" in attributes and tag not in VOID_ELEMENTS:
            self._hidden_tag, self._hidden_depth = tag, 1
            return
        if tag in SKIPPED_ELEMENTS:
            self._skip += 1
        for name, value in attrs:
            if value and name in VISIBLE_ATTRIBUTES:
                self.strings.append(value)
        if tag == "input" and attributes.get("type") in {"submit", "button"}:
            self.strings.append(attributes.get("value") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            if self._json_script and not self._hidden_tag:
                # The sidebar, choosers and Draftail get their labels as JSON props.
                with contextlib.suppress(ValueError):
                    self.strings.extend(_json_strings(json.loads("".join(self._script_text))))
            self._in_script = self._json_script = False
            self._script_text = []
        elif self._hidden_tag:
            if tag == self._hidden_tag:
                self._hidden_depth -= 1
                if not self._hidden_depth:
                    self._hidden_tag = None
        elif tag in SKIPPED_ELEMENTS and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if self._in_script:
            if self._json_script:
                self._script_text.append(data)  # the parser may hand it over in pieces
            return
        if not self._skip and not self._hidden_tag:
            self.strings.append(data)


# Keys of JSON props whose values people read (not icon names, URLs or identifiers).
JSON_TEXT_KEYS = {"label", "title", "help_text", "helpText", "text", "description", "placeholder"}


def _json_strings(value: object, readable: bool = False) -> Iterator[str]:
    if isinstance(value, str):
        if readable:
            yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _json_strings(item, key in JSON_TEXT_KEYS)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item, readable)


def visible_strings(html: str) -> list[str]:
    """Each text node and perceivable attribute of the page, whitespace normalised."""
    parser = _VisibleText()
    parser.feed(html)
    return [" ".join(s.split()) for s in parser.strings if s and s.strip()]


def untranslated_messages(strings: Iterable[str], domain: str = "django") -> set[str]:
    """Those strings that are a package's msgid, i.e. came out of gettext in English.

    A msgid whose Vietnamese is the same word ("Email", "Video", "URL") does not count.
    """
    literal, patterns = msgid_patterns(domain)
    # A language's own name in a language switcher ("English") is right as it is (WCAG 3.1.2).
    same = same_in_vietnamese(domain) | {name for _code, name in settings.LANGUAGES}
    found = set()
    for text in strings:
        if text in same:
            continue
        if text in literal or any(p.match(text) for p in patterns):
            found.add(text)
    return found

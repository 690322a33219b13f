"""A small reading of rendered HTML for structure tests: elements, headings, focus order, labels."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

FOCUSABLE = {"a", "button", "input", "select", "textarea", "summary"}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    inside: tuple[str, ...] = ()

    def __getitem__(self, name: str) -> str:
        return self.attrs[name]

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrs.get(name, default)


@dataclass
class Page:
    elements: list[Element] = field(default_factory=list)

    def all(self, tag: str) -> list[Element]:
        return [e for e in self.elements if e.tag == tag]

    def first(self, tag: str) -> Element:
        return self.all(tag)[0]

    def by_class(self, name: str) -> list[Element]:
        return [e for e in self.elements if name in (e.get("class") or "").split()]

    def by_id(self, name: str) -> list[Element]:
        return [e for e in self.elements if e.get("id") == name]

    def headings(self) -> list[int]:
        return [
            int(e.tag[1]) for e in self.elements if e.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}
        ]

    def focusable(self) -> list[Element]:
        """Elements a keyboard reaches, in source order (hidden inputs and template content excluded)."""
        found = []
        for e in self.elements:
            if "template" in e.inside or e.get("tabindex") == "-1" or "hidden" in e.attrs:
                continue
            if e.tag == "input" and e.get("type") == "hidden":
                continue
            if (e.tag == "a" and "href" in e.attrs) or (e.tag in FOCUSABLE - {"a"}):
                found.append(e)
        return found


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(
            tag, {k: v or "" for k, v in attrs}, inside=tuple(e.tag for e in self.stack)
        )
        self.page.elements.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element.text += data


def read(html: str | bytes) -> Page:
    reader = _Reader()
    reader.feed(html.decode() if isinstance(html, bytes) else html)
    return reader.page


def text_of(element: Element) -> str:
    return " ".join(element.text.split())

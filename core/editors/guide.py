"""The editor's guide (docs/editors-guide.md) served in the admin, in Vietnamese, with its pictures.

The guide is kept as Markdown beside the code so a change of workflow and its explanation land in
the same commit; this turns the small part of Markdown the guide uses (headings, paragraphs,
lists, tables, emphasis, code, links, images) into HTML, escaping everything else.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from core.slugs import vietnamese_slugify

__all__ = ["GUIDE", "IMAGES", "guide", "guide_image", "markdown_to_html"]

GUIDE = Path(settings.BASE_DIR) / "docs" / "editors-guide.md"
IMAGES = Path(settings.BASE_DIR) / "docs" / "editors-guide"
IMAGE_NAME = re.compile(r"^[a-z0-9-]+\.png$")


def _inline(text: str, image_url: str) -> str:
    text = html.escape(text, quote=True)
    text = re.sub(
        r"!\[([^\]]*)\]\(editors-guide/([a-z0-9-]+\.png)\)",
        lambda m: (
            f'<img src="{image_url}{m.group(2)}" alt="{m.group(1)}" class="portal-guide__image">'
        ),
        text,
    )
    text = re.sub(r"\[([^\]]+)\]\(([^)\s]+)\)", r'<a href="\2">\1</a>', text)
    text = re.sub(r"`([^`]+)`", r"<code>\1</code>", text)
    text = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", text)
    return re.sub(r"(?<![\w*])\*([^*]+)\*(?![\w*])", r"<em>\1</em>", text)


def _table(rows: list[str], image_url: str) -> str:
    cells = [[c.strip() for c in row.strip().strip("|").split("|")] for row in rows]
    head, body = cells[0], cells[2:]
    out = ["<table class='listing'><thead><tr>"]
    out += [f'<th scope="col">{_inline(c, image_url)}</th>' for c in head]
    out.append("</tr></thead><tbody>")
    for row in body:
        out.append("<tr>" + "".join(f"<td>{_inline(c, image_url)}</td>" for c in row) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def markdown_to_html(source: str, image_url: str = "") -> SafeString:
    """The guide's Markdown as HTML; the level-1 heading is left to the page's own h1."""
    blocks: list[str] = []
    contents: list[str] = []
    lines = source.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        heading = re.match(r"^(#{1,4}) (.+)$", line)
        if heading:
            level = len(heading.group(1))
            if level > 1:
                anchor = vietnamese_slugify(heading.group(2))
                text = _inline(heading.group(2), image_url)
                blocks.append(f'<h{level} id="{anchor}">{text}</h{level}>')
                if level == 2:
                    contents.append(f'<li><a href="#{anchor}">{text}</a></li>')
            i += 1
            continue
        if line.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                rows.append(lines[i])
                i += 1
            blocks.append(_table(rows, image_url))
            continue
        item = re.match(r"^(\d+\.|-) (.+)$", line)
        if item:
            tag = "ol" if item.group(1)[0].isdigit() else "ul"
            items: list[str] = []
            while i < len(lines) and lines[i].strip():
                match = re.match(r"^(\d+\.|-) (.+)$", lines[i])
                if match:
                    items.append(match.group(2))
                else:
                    items[-1] += " " + lines[i].strip()  # a continuation line
                i += 1
            blocks.append(
                f"<{tag}>"
                + "".join(f"<li>{_inline(t, image_url)}</li>" for t in items)
                + f"</{tag}>"
            )
            continue
        paragraph = []
        while i < len(lines) and lines[i].strip() and not re.match(r"^(#|\||\d+\. |- )", lines[i]):
            paragraph.append(lines[i].strip())
            i += 1
        blocks.append(f"<p>{_inline(' '.join(paragraph), image_url)}</p>")
    # A table of contents: the guide is long, and its links give keyboard users a way in.
    toc = (
        f'<nav aria-labelledby="guide-contents"><h2 id="guide-contents">{_("Mục lục")}</h2>'
        f"<ul>{''.join(contents)}</ul></nav>"
        if contents
        else ""
    )
    return mark_safe(toc + "\n".join(blocks))  # every piece of text is escaped above


@login_required
def guide(request: HttpRequest) -> HttpResponse:
    source = GUIDE.read_text(encoding="utf-8")
    title = source.splitlines()[0].lstrip("# ").strip()
    image_url = reverse("portal_editors_guide_image", args=["x.png"])[: -len("x.png")]
    return TemplateResponse(
        request,
        "portal_editors/guide.html",
        {"page_title": title, "guide_html": markdown_to_html(source, image_url)},
    )


@login_required
def guide_image(request: HttpRequest, name: str) -> FileResponse:
    path = IMAGES / name
    if not IMAGE_NAME.match(name) or not path.is_file():
        raise Http404
    return FileResponse(path.open("rb"), content_type="image/png")

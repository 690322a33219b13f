"""Nothing an editor types, and nothing a reader searches for, comes out as executable markup.

Each payload goes in through the admin's own editing form (as an editor, or a hostile script
posing as one, would submit it) and every public rendering of the page is then inspected.
"""

import json
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from news.models import ArticlePage
from testsupport import make_image

PAYLOAD = (
    '<script>alert("xss")</script>"><img src=x onerror=alert(1)>'
    '<svg/onload=alert(2)>\'"><a href="javascript:alert(3)">x</a>'
)


def draftail(text: str, link_url: str | None = None) -> str:
    """The Draftail (contentstate) value the rich text editor submits for one typed paragraph.

    With `link_url`, the whole text is a link to it: a value forged by hand, since the editor's
    own link dialog would not produce a script URL.
    """
    entity_ranges = [{"offset": 0, "length": len(text), "key": 0}] if link_url else []
    entities = (
        {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": link_url}}}
        if link_url
        else {}
    )
    block = {
        "key": "a1b2c",
        "text": text,
        "type": "unstyled",
        "depth": 0,
        "inlineStyleRanges": [],
        "entityRanges": entity_ranges,
        "data": {},
    }
    return json.dumps({"blocks": [block], "entityMap": entities})


class ExecutableMarkupFinder(HTMLParser):
    """Collects every place in a document where a browser would run script."""

    SAFE_SCRIPT_TYPES = {"application/json", "application/ld+json"}

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self._in_inline_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        inline = tag == "script" and not values.get("src")
        if inline and values.get("type") not in self.SAFE_SCRIPT_TYPES:
            self.problems.append(f"inline <script> {attrs}")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            compact = "".join((value or "").split()).lower()
            if name in {"href", "src", "action", "formaction", "xlink:href", "data"} and (
                compact.startswith(("javascript:", "vbscript:", "data:text/html"))
            ):
                self.problems.append(f"<{tag} {name}={value!r}>")


def executable_markup(html: str) -> list[str]:
    finder = ExecutableMarkupFinder()
    finder.feed(html)
    return finder.problems


@pytest.fixture
def admin_client(client, db):
    client.force_login(User.objects.create_superuser("quantri", "q@example.gov.vn", "x" * 16))
    return client


@pytest.fixture
def hostile_article(admin_client, news_section):
    image = make_image(title=PAYLOAD, description=PAYLOAD)
    image.credit = PAYLOAD
    image.save()
    table = {
        "data": [["Chỉ tiêu", PAYLOAD], [PAYLOAD, "42"]],
        "table_header_choice": "row",
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_caption": PAYLOAD,
    }
    body = streamfield(
        [
            ("paragraph", draftail(PAYLOAD)),
            ("paragraph", draftail("bấm vào đây", link_url="javascript:alert(4)")),
            ("paragraph", draftail("và đây", link_url=" JaVa\tScRiPt:alert(5)")),
            ("heading", {"text": PAYLOAD, "level": "h2"}),
            ("quote", {"quote": PAYLOAD, "attribution": PAYLOAD}),
            ("table", json.dumps(table)),
            (
                "image",
                {
                    "image": {"image": image.pk, "alt_text": PAYLOAD, "decorative": ""},
                    "caption": PAYLOAD,
                    "credit": PAYLOAD,
                },
            ),
        ]
    )
    data = nested_form_data(
        {
            "title": PAYLOAD,
            "slug": "bai-thu-xss",
            "lead": PAYLOAD,
            "featured_image": image.pk,
            "featured_image_alt": PAYLOAD,
            "body": body,
            "author": PAYLOAD,
            "source": PAYLOAD,
            "tags": "an-toan, " + PAYLOAD.replace(",", " "),
            "seo_title": PAYLOAD,
            "search_description": PAYLOAD,
            "related_links": inline_formset([]),
            "document_links": inline_formset([]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(f"/admin/pages/add/news/articlepage/{news_section.pk}/", data)
    if response.status_code != 302:
        form = response.context["form"]
        pytest.fail(f"the editor's form refused the article: {form.errors.as_json()}")
    article = ArticlePage.objects.get(slug="bai-thu-xss")
    assert article.live
    cache.clear()
    return article


def test_no_field_of_an_article_renders_as_script(client, hostile_article):
    url = Page.objects.get(pk=hostile_article.pk).url
    client.logout()
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert executable_markup(html) == []
    assert "&lt;script&gt;" in html  # the text survives, as text


def test_listings_home_and_feed_render_the_payload_as_text(client, hostile_article, news_section):
    section_url = Page.objects.get(pk=news_section.pk).url
    for url in ("/", section_url, "/search/?q=xss", f"{section_url}?page=1"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert executable_markup(response.content.decode()) == [], url
    feed = client.get("/rss.xml").content.decode()
    assert "<script" not in feed and "onerror=alert" not in feed.replace("onerror=alert(1)&gt;", "")


@pytest.mark.parametrize(
    "query",
    [PAYLOAD, '"><script>alert(1)</script>', "javascript:alert(1)", "%3Cscript%3E"],
)
def test_the_search_box_echoes_a_query_as_text(client, home, query):
    response = client.get("/search/", {"q": query, "section": query, "date_from": query})
    assert response.status_code in (200, 400)
    assert executable_markup(response.content.decode()) == []


def test_an_embed_from_an_unknown_provider_is_refused(admin_client, news_section):
    from django.core.exceptions import ValidationError

    from core.blocks import EmbedWithTitleBlock

    block = EmbedWithTitleBlock()
    for url in ("https://evil.example/video", "javascript:alert(1)"):
        with pytest.raises(ValidationError):
            block.clean(block.to_python({"embed": url, "title": "Video"}))

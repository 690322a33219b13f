"""Print view, embed titles and the English chrome."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.utils import translation

from core.templatetags.portal_tags import with_frame_title
from core.tests.markup import read, text_of
from testsupport import make_article

pytestmark = pytest.mark.django_db

PO_FILE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"


@pytest.fixture(autouse=True)
def _fresh_caches():
    # Before and after: no page cached here may be served to another module's test.
    caches["default"].clear()
    yield
    caches["default"].clear()


def test_article_offers_a_print_link_that_works_without_javascript(client, news_section):
    article = make_article(news_section, "Bài để in")
    page = read(client.get(article.url).content)
    link = next(a for a in page.all("a") if "data-print-button" in a.attrs)
    assert link["href"] == "?print=1"
    assert text_of(link) == "In bài viết"
    stylesheets = {
        e["href"]: e.get("media") for e in page.all("link") if e.get("rel") == "stylesheet"
    }
    assert stylesheets["/static/css/print.css"] == "print"


def test_print_view_is_rendered_by_the_server(client, news_section):
    article = make_article(news_section, "Bài để in")
    make_article(news_section, "Bài liên quan")
    page = read(client.get(article.url + "?print=1").content)

    assert "print-view" in page.first("body")["class"].split()
    stylesheets = {
        e["href"]: e.get("media") for e in page.all("link") if e.get("rel") == "stylesheet"
    }
    assert stylesheets["/static/css/print.css"] is None  # applies on screen too
    assert any(m.get("name") == "robots" and "noindex" in m["content"] for m in page.all("meta"))
    assert not page.by_class("related") and not page.by_class("article-tools")
    back = [a for a in page.all("a") if a.get("href") == article.url]
    assert back, "the print view links back to the article"
    assert text_of(page.first("h1")) == "Bài để in"
    assert article.full_url in text_of(page.by_class("print-source")[0])


def test_read_aloud_button_is_hidden_until_a_voice_is_found(client, news_section):
    article = make_article(news_section, "Bài đọc to")
    page = read(client.get(article.url).content)
    button = next(b for b in page.all("button") if "data-read-aloud" in b.attrs)
    assert "hidden" in button.attrs


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<iframe src="/v"></iframe>', '<iframe src="/v" title="Hội nghị"></iframe>'),
        (
            '<iframe src="/v" title="YouTube video player" allowfullscreen></iframe>',
            '<iframe src="/v" allowfullscreen title="Hội nghị"></iframe>',
        ),
        (
            "<IFRAME src='/a>b' TITLE='x'></IFRAME>",
            "<iframe src='/a>b' title=\"Hội nghị\"></IFRAME>",
        ),
        ("<p>no frame</p>", "<p>no frame</p>"),
    ],
)
def test_embed_frames_get_the_block_title(html, expected):
    assert with_frame_title(html, "Hội nghị") == expected


def test_embed_title_is_escaped():
    result = with_frame_title('<iframe src="/v"></iframe>', 'Tên "lạ" <script>')
    assert 'title="Tên &quot;lạ&quot; &lt;script&gt;"' in result


def test_english_pages_show_english_chrome(client, homes):
    page = read(client.get("/en/").content)
    assert page.first("html")["lang"] == "en"
    skip = page.focusable()[0]
    assert text_of(skip) == "Skip to main content"
    labels = {nav.get("aria-label") for nav in page.all("nav")}
    assert "Main navigation" in labels or "Language" in labels
    assert text_of(next(s for s in page.all("summary"))).startswith("Display")
    assert any(text_of(lab) == "Search the portal" for lab in page.all("label"))


def test_english_not_found_page(client, homes):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    page = read(response.content)
    assert page.first("html")["lang"] == "en"
    assert text_of(page.first("h1")) == "Page not found"


def _po_entries(path: Path) -> list[dict]:
    """Entries of a .po file: flags, msgid and every msgstr (plural forms too), unquoted."""
    entries, entry, key = [], None, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if entry:
                entries.append(entry)
            entry, key = None, None
            continue
        entry = entry or {"flags": "", "msgid": "", "msgstr": {}}
        if line.startswith("#,"):
            entry["flags"] += line
        elif line.startswith("#"):
            continue
        elif line.startswith(("msgid ", "msgid_plural ", "msgctxt ")):
            key, _, value = line.partition(" ")
            entry[key] = value.strip()[1:-1]
        elif line.startswith("msgstr"):
            key, _, value = line.partition(" ")
            entry["msgstr"][key] = value.strip()[1:-1]
        elif line.startswith('"') and key:
            if key.startswith("msgstr"):
                entry["msgstr"][key] += line[1:-1]
            else:
                entry[key] += line[1:-1]
    return entries


def test_every_vietnamese_msgid_has_an_english_translation():
    entries = [e for e in _po_entries(PO_FILE) if e["msgid"]]
    assert len(entries) > 100
    untranslated = [e["msgid"] for e in entries if not all(e["msgstr"].values())]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert not untranslated, untranslated[:10]
    assert not fuzzy, fuzzy[:10]


def test_translations_are_compiled_and_used():
    with translation.override("en"):
        assert translation.gettext("Bỏ qua, đến nội dung chính") == "Skip to main content"

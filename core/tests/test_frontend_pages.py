"""Every public page type has the structure assistive technology relies on (WCAG 2.2 AA)."""

import itertools
from datetime import date

import pytest
from django.core.cache import caches
from django.db import transaction
from django.test import override_settings
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Site

from core.models import SiteSettings
from core.tests.markup import read, text_of
from sitewide.models import StandardPage
from testsupport import make_article, make_image, make_section, make_site

pytestmark = pytest.mark.django_db

EMBED_URL = "https://video.example.gov.vn/hoi-nghi"
PORTAL = "Cổng thông tin điện tử Bộ"


@pytest.fixture(autouse=True)
def _fresh_caches():
    # The page cache and the site-structure snapshot outlive a test's database transaction.
    # Cleared after the test too, so no page cached here is served to another module's test.
    for alias in ("default", "renditions"):
        caches[alias].clear()
    yield
    for alias in ("default", "renditions"):
        caches[alias].clear()


@pytest.fixture(scope="module")
def site_pages(django_db_setup, django_db_blocker):
    """One demo tree for the whole module (built once, rolled back at the end): tests only read it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield _build_site()
        transaction.set_rollback(True)


def _build_site() -> dict:
    home, home_en = make_site()
    top = make_section(home, "Tin tức", slug="tin-tuc", show_in_menus=True, show_on_home=False)
    news_section = make_section(top, "Chuyển đổi số", slug="chuyen-doi-so")
    Embed.objects.create(
        hash=get_embed_hash(EMBED_URL, None, None),
        url=EMBED_URL,
        max_width=None,
        type="video",
        html='<iframe src="/static/embed/demo-video.html" title="YouTube video player"></iframe>',
        title="Video",
        width=640,
        height=360,
    )
    image = make_image(description="Đại biểu dự hội nghị")
    article = make_article(
        news_section,
        "Bài có mọi khối",
        featured_image=image,
        body=[
            {"type": "paragraph", "value": "<p>Mở đầu <b>bài</b>.</p>"},
            {"type": "heading", "value": {"text": "Mục một", "level": "h2"}},
            {
                "type": "image",
                "value": {
                    "image": {"image": image.pk, "decorative": False, "alt_text": "Hội trường"},
                    "caption": "Chú thích ảnh",
                    "credit": "",
                },
            },
            {"type": "heading", "value": {"text": "Mục con", "level": "h3"}},
            {
                "type": "table",
                "value": {
                    "table_caption": "Số liệu theo quý",
                    "first_row_is_table_header": True,
                    "first_col_is_header": True,
                    "table_header_choice": "both",
                    "data": [["Quý", "Hồ sơ"], ["I", "12"], ["II", "15"]],
                    "cell": [],
                    "mergeCells": [],
                },
            },
            {"type": "quote", "value": {"quote": "Trích dẫn.", "attribution": "Lãnh đạo Bộ"}},
            {
                "type": "embed",
                "value": {"embed": EMBED_URL, "title": "Video hội nghị chuyển đổi số"},
            },
        ],
    )
    statement = StandardPage(
        title="Tuyên bố hỗ trợ tiếp cận",
        slug="tuyen-bo",
        intro="Mức độ tuân thủ.",
        last_reviewed=date(2026, 11, 20),
    )
    home.add_child(instance=statement)
    statement.save_revision().publish()
    info = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    info.accessibility_statement = statement
    info.accessibility_email = "tiepcan@example.gov.vn"
    info.save()
    return {
        "home": home,
        "home_en": home_en,
        "section": news_section,
        "article": article,
        "statement": statement,
    }


def _urls(pages: dict) -> dict[str, str]:
    return {
        "home": "/",
        "section": pages["section"].url,
        "article": pages["article"].url,
        "standard": pages["statement"].url,
        "search-empty": "/search/",
        "search-results": "/search/?q=khối",
        "search-none": "/search/?q=khôngcógì",
        "search-error": "/search/?q=a&date_from=32/13/2026",
        "not-found": "/khong-co-trang-nay/",
        "display-settings": "/display-settings/",
        "home-en": "/en/",
    }


PAGE_KINDS = [
    "home",
    "section",
    "article",
    "standard",
    "search-empty",
    "search-results",
    "search-none",
    "search-error",
    "not-found",
    "display-settings",
    "home-en",
]


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_page_has_landmarks_one_h1_and_no_skipped_heading_levels(client, site_pages, kind):
    response = client.get(_urls(site_pages)[kind])
    assert response.status_code in {200, 400, 404}
    page = read(response.content)

    html = page.first("html")
    assert html["lang"] == ("en" if kind.endswith("-en") else "vi")
    assert len(page.all("main")) == 1 and page.first("main")["id"] == "main-content"
    assert len(page.all("header")) >= 1 and "main" not in page.all("header")[0].inside
    assert len([f for f in page.all("footer") if "article" not in f.inside]) == 1
    navs = page.all("nav")
    assert all(nav.get("aria-label") for nav in navs), "several navs: each needs a label"
    assert len({nav["aria-label"] for nav in navs}) == len(navs)

    levels = page.headings()
    assert levels.count(1) == 1 and levels[0] == 1
    for previous, current in itertools.pairwise(levels):
        assert current <= previous + 1, f"heading jumps from h{previous} to h{current}"


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_skip_link_is_the_first_focusable_element_and_targets_main(client, site_pages, kind):
    page = read(client.get(_urls(site_pages)[kind]).content)
    first = page.focusable()[0]
    assert first.tag == "a" and first["href"] == "#main-content"
    assert "skip-link" in first["class"]


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_field_has_a_visible_label_and_no_inline_script_or_style(client, site_pages, kind):
    response = client.get(_urls(site_pages)[kind])
    page = read(response.content)
    labels = {label.get("for") for label in page.all("label")}
    for field in page.all("input") + page.all("select") + page.all("textarea"):
        if field.get("type") in {"hidden", "submit"}:
            continue
        assert field.get("id") in labels, f"field {field.attrs} has no label"
    # The production CSP forbids inline script and style; JSON-LD is a data block, never run.
    assert all(
        script.get("src") or script.get("type") == "application/ld+json"
        for script in page.all("script")
    )
    assert not page.all("style")
    assert not [e for e in page.elements if "style" in e.attrs]


def test_titles_read_page_then_section_then_portal(client, site_pages):
    article = read(client.get(site_pages["article"].url).content)
    assert text_of(article.first("title")) == f"Bài có mọi khối – Chuyển đổi số – {PORTAL}"
    home = read(client.get("/").content)
    assert text_of(home.first("title")) == PORTAL
    search = read(client.get("/search/?q=khối").content)
    # The count comes first thing a screen reader reads on arrival.
    assert text_of(search.first("title")) == f"Kết quả tìm kiếm cho “khối” (1 kết quả) – {PORTAL}"


def test_main_navigation_works_without_hover_and_marks_the_current_section(client, site_pages):
    page = read(client.get(site_pages["article"].url).content)
    nav_links = [
        a
        for a in page.all("a")
        if "nav" in a.inside and "ol" not in a.inside and a.get("aria-current")
    ]
    assert [text_of(a) for a in nav_links] == ["Tin tức"]
    # A plain list of links: no menus that open on hover, no aria-haspopup widgets.
    assert not [e for e in page.elements if e.get("aria-haspopup")]


def test_breadcrumbs_are_a_labelled_nav_ending_in_the_current_page(client, site_pages):
    page = read(client.get(site_pages["article"].url).content)
    crumbs = [a for a in page.all("a") if "ol" in a.inside]
    assert [text_of(a) for a in crumbs] == [
        "Trang chủ",
        "Tin tức",
        "Chuyển đổi số",
        "Bài có mọi khối",
    ]
    assert crumbs[-1]["aria-current"] == "page"


def test_article_blocks_render_accessibly(client, site_pages):
    page = read(client.get(site_pages["article"].url).content)
    table = page.first("table")
    assert text_of(page.first("caption")) == "Số liệu theo quý"
    assert {th["scope"] for th in page.all("th")} == {"col", "row"}
    assert table
    figures = page.all("figcaption")
    assert any("Chú thích ảnh" in text_of(f) for f in figures)
    assert all(img.get("alt") is not None for img in page.all("img"))
    # The embed's frame is named by the block's title, not by the provider's generic one.
    assert [f["title"] for f in page.all("iframe")] == ["Video hội nghị chuyển đổi số"]


def test_cards_have_a_single_link_named_by_the_story_title(client, site_pages):
    page = read(client.get(site_pages["section"].url).content)
    card_links = [a for a in page.all("a") if "article" in a.inside and "h3" in a.inside]
    assert [text_of(a) for a in card_links] == ["Bài có mọi khối"]


@override_settings(PORTAL_LISTING_PAGE_SIZE=2)
def test_pagination_names_pages_and_marks_the_current_one(client, site_pages):
    for number in range(5):
        make_article(site_pages["section"], f"Tin số {number}")
    page = read(client.get(site_pages["section"].url + "?page=2").content)
    nav = next(n for n in page.all("nav") if "pagination" in n.get("class", ""))
    assert nav["aria-label"]
    links = [
        a for a in page.all("a") if "ul" in a.inside and a.get("href", "").startswith("?page=")
    ]
    texts = [text_of(a) for a in links]
    assert "Trang trước" in texts and "Trang sau" in texts
    current = [a for a in links if a.get("aria-current") == "page"]
    assert [text_of(a) for a in current] == ["Trang 2"]


def test_search_error_is_summarised_and_the_field_is_described(client, site_pages):
    response = client.get("/search/?q=a&date_from=32/13/2026")
    assert response.status_code == 400
    page = read(response.content)
    summary = page.by_class("error-summary")[0]
    assert summary["tabindex"] == "-1" and "data-error-summary" in summary.attrs
    link = [a for a in page.all("a") if "div" in a.inside and a.get("href") == "#id_date_from"]
    assert link, "the summary links to the field in error"
    field = page.by_id("id_date_from")[0]
    assert field.get("aria-invalid") == "true"
    assert "id_date_from_error" in field.get("aria-describedby", "")
    assert page.by_id("id_date_from_error")


def test_header_search_has_a_visible_label(client, site_pages):
    page = read(client.get("/").content)
    form = next(f for f in page.all("form") if f.get("role") == "search")
    assert form["action"] == "/search/"
    label = next(lab for lab in page.all("label") if lab.get("for") == "site-search-q")
    assert "visually-hidden" not in label.get("class", "")
    assert text_of(label) == "Tìm kiếm trên cổng thông tin"


def test_accessibility_statement_shows_review_date_and_how_to_report_a_barrier(client, site_pages):
    page = read(client.get(site_pages["statement"].url).content)
    assert page.first("time")["datetime"] == "2026-11-20"
    assert any(a.get("href") == "mailto:tiepcan@example.gov.vn" for a in page.all("a"))
    assert page.by_id("report-barrier-heading")


@pytest.mark.parametrize(
    "kind", ["home", "article", "search-empty", "not-found", "display-settings"]
)
def test_every_page_footer_links_the_accessibility_statement(client, site_pages, kind):
    page = read(client.get(_urls(site_pages)[kind]).content)
    footer_links = [a for a in page.all("a") if "footer" in a.inside and "article" not in a.inside]
    assert any(a["href"] == site_pages["statement"].url for a in footer_links)


def test_not_found_page_is_in_vietnamese_with_an_english_way_out(client, site_pages):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    page = read(response.content)
    assert text_of(page.first("h1")) == "Không tìm thấy trang"
    english = [e for e in page.elements if e.get("lang") == "en" and e.tag == "div"]
    assert english and "Page not found" in text_of(english[0])


def test_server_error_page_needs_no_database_and_speaks_both_languages(rf):
    from core.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    page = read(response.content)
    assert page.first("html")["lang"] == "vi"
    assert page.focusable()[0]["href"] == "#main-content"
    assert page.headings() == [1, 2]
    assert [e for e in page.elements if e.get("lang") == "en"]

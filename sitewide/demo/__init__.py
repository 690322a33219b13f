"""Demo content for `make run`, the accessibility suite and the benchmarks, written for this portal."""

from collections.abc import Callable, Iterable

from django.utils.translation import gettext as _

from core.models import StoryPage
from media_products.demo import ensure_media_products
from news.demo.articles import bulk_create_articles, ensure_child, ensure_sections
from news.demo.showcase import ensure_draft_and_scheduled, ensure_english_news, ensure_showcase
from news.demo.text import NewsWriter
from news.demo.text_en import ENGLISH
from news.models import ArticlePage, SectionPage
from participation.demo import PRIVACY_EN, PRIVACY_VI, ensure_participation
from sitewide.demo.images import ensure_demo_images
from sitewide.demo.site import (
    demo_site,
    ensure_home_en,
    ensure_home_vi,
    ensure_information_pages,
    ensure_privacy_notice,
    ensure_site_settings,
)
from sitewide.models import HomeFeaturedItem, HomePage

Log = Callable[[str], None]

# Three listing pages of 20, so the accessibility suite checks a middle and a last English page.
# A fixed size: `--articles` sets the Vietnamese corpus, which the benchmarks measure.
ENGLISH_NEWS_ARTICLES = 45


def seed(
    articles: int,
    media: int,
    log: Log,
    progress: Callable[[int, int], None] | None = None,
    documents: int = 0,
) -> None:
    """Build or complete the demo tree (`articles` Vietnamese bulk articles, 45 English); idempotent."""
    images = ensure_demo_images()
    home_vi = ensure_home_vi()
    home_en = ensure_home_en(home_vi)
    pages = ensure_information_pages(home_vi, home_en)
    ensure_site_settings(demo_site(home_vi), pages["tuyen-bo-ho-tro-tiep-can"])
    log("Cây trang, trang thông tin và cài đặt: xong.")

    news_root = ensure_child(
        home_vi,
        SectionPage,
        "tin-tuc",
        title="Tin tức",
        show_in_menus=True,
        show_on_home=False,
        intro="Tin tức về hoạt động và chính sách của Bộ.",
    )
    sections = ensure_sections(news_root)
    showcase = ensure_showcase(sections[1], images)
    ensure_draft_and_scheduled(sections[0], images)
    english_news = ensure_english_news(home_en, images)
    _feature(home_vi, [showcase])
    _feature(home_en, list(ArticlePage.objects.child_of(english_news).live()[:1]))
    ensure_media_products(home_vi, home_en, images, count=media, log=log)
    privacy, privacy_en = ensure_privacy_notice(home_vi, home_en, PRIVACY_VI, PRIVACY_EN)
    ensure_participation(home_vi, home_en, privacy, privacy_en, log)

    existing = ArticlePage.objects.filter(
        slug__regex=r"-[0-9a-f]{8}$", locale=home_vi.locale
    ).count()
    missing = max(0, articles - existing)
    if missing:
        log(f"Tạo {missing} bài viết (đã có {existing}).")
        bulk_create_articles(
            sections, missing, images, NewsWriter(seed=existing + 1), progress=progress
        )
    else:
        log(f"Đã có {existing} bài viết mẫu: không tạo thêm.")
    # After the Vietnamese corpus, so that a fresh seed gives it the same ids as before.
    _complete_english_news(english_news, images, log)
    # Last, so the news and multimedia ids stay as they were before the library existed.
    from documents.demo import ensure_documents

    ensure_documents(home_vi, home_en, count=documents, log=log)


def _complete_english_news(section: SectionPage, images: list, log: Log) -> None:
    existing = ArticlePage.objects.child_of(section).count()
    missing = max(0, ENGLISH_NEWS_ARTICLES - existing)
    if missing:
        log(
            _("Tạo %(missing)d bài viết tiếng Anh (đã có %(existing)d).")
            % {"missing": missing, "existing": existing}
        )
        bulk_create_articles(
            [section], missing, images, NewsWriter(seed=existing + 1, vocabulary=ENGLISH)
        )


def _feature(home: HomePage, pages: Iterable[StoryPage]) -> None:
    if home.featured_items.exists():
        return
    for order, page in enumerate(pages):
        HomeFeaturedItem.objects.create(home=home, page=page, sort_order=order)

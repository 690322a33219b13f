"""Demo content for `make run`, the accessibility suite and the benchmarks, written for this portal."""

from collections.abc import Callable

from media_products.demo import ensure_media_products
from news.demo.articles import bulk_create_articles, ensure_child, ensure_sections
from news.demo.showcase import ensure_draft_and_scheduled, ensure_english_news, ensure_showcase
from news.demo.text import NewsWriter
from news.models import ArticlePage, SectionPage
from portal.demo.images import ensure_demo_images
from portal.demo.site import (
    demo_site,
    ensure_home_en,
    ensure_home_vi,
    ensure_information_pages,
    ensure_site_settings,
)
from portal.models import HomeFeaturedItem

Log = Callable[[str], None]


def seed(
    articles: int, media: int, log: Log, progress: Callable[[int, int], None] | None = None
) -> None:
    """Build (or complete) the demo tree so that it holds `articles` bulk articles; safe to run again."""
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


def _feature(home, pages) -> None:
    if home.featured_items.exists():
        return
    for order, page in enumerate(pages):
        HomeFeaturedItem.objects.create(home=home, page=page, sort_order=order)

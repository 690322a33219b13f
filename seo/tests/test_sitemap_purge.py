"""The sitemap follows the portal's change signals: exactly the parts a change concerns."""

import pytest
from wagtail.models import Page, PageViewRestriction

from core.caching import signals, tokens
from core.models import SiteSettings
from seo import purge, sitemaps
from sitewide.models import StandardPage
from testsupport import make_article

pytestmark = pytest.mark.django_db


def every_part() -> list[str]:
    names = [purge.INDEX]
    for model in sitemaps.listed_page_types():
        names.extend(sitemaps.section_name(model, window) for window in range(3))
    return names


def snapshot() -> dict[str, list[str]]:
    return {name: purge.current_tokens(name) for name in every_part()}


def renewed(before: dict[str, list[str]]) -> set[str]:
    return {name for name, values in snapshot().items() if values != before[name]}


def everything_renewed(before: dict[str, list[str]]) -> bool:
    return purge.current_tokens(purge.INDEX)[0] != before[purge.INDEX][0]


def test_publishing_purges_the_page_cache_the_counts_and_exactly_its_sitemap_part(news_section):
    article = make_article(news_section, "Tin đã đăng")
    article_part = sitemaps.section_name(type(article), (article.pk - 1) // sitemaps.WINDOW)
    page_token = tokens.path_token(article.url)
    paths_before = tokens.current(page_token, tokens.path_token(news_section.url))
    counts_before = tokens.current(tokens.COUNTS)
    sitemap_before = snapshot()

    article.title = "Tin đã sửa"
    article.save_revision().publish()

    assert tokens.current(page_token, tokens.path_token(news_section.url))[0] != paths_before[0]
    assert tokens.current(tokens.path_token(news_section.url)) != paths_before[1:]
    assert tokens.current(tokens.COUNTS) != counts_before
    assert renewed(sitemap_before) == {article_part, purge.INDEX}
    assert not everything_renewed(sitemap_before)


def test_publishing_a_translation_purges_the_parts_of_both_versions(homes):
    home, home_en = homes
    about = StandardPage(title="Giới thiệu", slug="gioi-thieu")
    home.add_child(instance=about)
    about.save_revision().publish()
    about_en = about.copy_for_translation(home_en.locale)
    about_en.slug = "about"
    about_en.save_revision()
    before = snapshot()
    about_en.get_latest_revision().publish()
    expected = {
        sitemaps.section_name(StandardPage, (p.pk - 1) // sitemaps.WINDOW)
        for p in (about, about_en)
    }
    assert renewed(before) == expected | {purge.INDEX}


def test_a_draft_saved_on_a_live_page_leaves_the_sitemap_alone(news_section):
    article = make_article(news_section, "Tin có bản nháp")
    before = snapshot()
    article.title = "Bản nháp mới"
    article.save_revision()
    assert renewed(before) == set()


def test_unpublishing_and_deleting_purge_the_part_and_a_move_everything(news_section):
    article = make_article(news_section, "Tin sẽ gỡ")
    part = sitemaps.section_name(type(article), (article.pk - 1) // sitemaps.WINDOW)
    before = snapshot()
    article.unpublish()
    assert renewed(before) == {part, purge.INDEX}

    live = make_article(news_section, "Tin sẽ xoá")
    before = snapshot()
    Page.objects.get(pk=live.pk).delete()
    assert renewed(before) == {part, purge.INDEX}

    moved = make_article(news_section, "Tin sẽ chuyển")
    before = snapshot()
    moved.move(news_section.get_parent(), pos="last-child")
    assert everything_renewed(before)


def test_another_apps_content_and_the_site_settings_leave_the_sitemap_alone(news_section):
    article = make_article(news_section, "Tin có phụ đề")
    before = snapshot()
    signals.page_changed.send(sender=type(article), page=article, kind=signals.CONTENT)
    SiteSettings.objects.create(site=news_section.get_site())
    assert renewed(before) == set()


def test_a_view_restriction_renews_every_part(news_section):
    before = snapshot()
    PageViewRestriction.objects.create(page=news_section, restriction_type="login")
    assert everything_renewed(before)

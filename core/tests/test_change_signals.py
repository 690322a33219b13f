"""Wagtail's and Django's signals are heard in one place and announced as the portal's own."""

import pytest
from wagtail.models import Locale, Page, PageViewRestriction

from core.caching import signals, tokens
from core.caching.invalidation import after_bulk_change, page_changed
from testsupport import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def announced():
    heard: list[tuple[str, int | None, dict]] = []

    def on_page(sender, page, kind, **kwargs):
        heard.append((kind, page.pk, kwargs))

    def on_site(sender, kind, **kwargs):
        heard.append((kind, None, kwargs))

    signals.page_changed.connect(on_page, dispatch_uid="test_announced")
    signals.site_changed.connect(on_site, dispatch_uid="test_announced")
    yield heard
    signals.page_changed.disconnect(dispatch_uid="test_announced")
    signals.site_changed.disconnect(dispatch_uid="test_announced")


def kinds(heard, page=None) -> set[str]:
    return {kind for kind, pk, _ in heard if page is None or pk == page.pk}


def test_publishing_unpublishing_moving_and_deleting_are_announced(announced, news_section):
    article = make_article(news_section, "Tin theo dõi")
    assert {signals.PUBLISHED, signals.SAVED} <= kinds(announced, article)
    announced.clear()
    article.unpublish()
    assert signals.UNPUBLISHED in kinds(announced, article)
    announced.clear()
    article.move(news_section.get_parent(), pos="last-child")
    moves = [extra for kind, pk, extra in announced if kind == signals.MOVED]
    assert moves and moves[0]["parent_before"].pk == news_section.pk
    announced.clear()
    Page.objects.get(pk=article.pk).delete()
    assert kinds(announced, article) == {signals.DELETED}


def test_a_draft_of_an_unpublished_page_is_not_announced(announced, news_section):
    draft = make_article(news_section, "Bản nháp", publish=False)
    announced.clear()
    draft.title = "Bản nháp sửa"
    draft.save_revision()
    assert kinds(announced, draft) == set()


def test_sites_locales_restrictions_and_bulk_writes_are_announced(announced, news_section):
    announced.clear()
    PageViewRestriction.objects.create(page=news_section, restriction_type="login")
    Locale.objects.create(language_code="fr")
    after_bulk_change()
    assert kinds(announced) == {signals.RESTRICTIONS, signals.LOCALES, signals.BULK}


def test_a_change_purges_the_page_cache_and_the_counts(news_section):
    article = make_article(news_section, "Tin có phụ đề")
    before = tokens.current(tokens.path_token(article.url), tokens.COUNTS)
    page_changed(article)
    after = tokens.current(tokens.path_token(article.url), tokens.COUNTS)
    assert after[0] != before[0] and after[1] != before[1]


def test_a_site_change_renews_every_cached_page(news_section):
    (before,) = tokens.current(tokens.SITE)
    PageViewRestriction.objects.create(page=news_section, restriction_type="login")
    assert tokens.current(tokens.SITE) != [before]

"""The demo seed: a complete two-language tree, and running it twice duplicates nothing."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from news.models import ArticlePage, SectionPage
from sitewide.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def test_seed_demo_builds_both_trees_and_is_idempotent(client):
    call_command("seed_demo", articles=12, media=0, stdout=io.StringIO())
    counts = (Page.objects.count(), ArticlePage.objects.count(), SectionPage.objects.count())
    call_command("seed_demo", articles=12, media=0, stdout=io.StringIO())
    assert (
        Page.objects.count(),
        ArticlePage.objects.count(),
        SectionPage.objects.count(),
    ) == counts

    assert HomePage.objects.filter(locale__language_code="vi").count() == 1
    assert HomePage.objects.filter(locale__language_code="en").count() == 1
    english = set(
        StandardPage.objects.filter(locale__language_code="en").values_list("slug", flat=True)
    )
    assert {"about", "organisation", "contact", "accessibility-statement"} <= english
    assert ArticlePage.objects.filter(live=False).count() == 2  # one draft, one scheduled
    assert ArticlePage.objects.filter(live=True, locale__language_code="vi").count() >= 13

    for url in (
        "/",
        "/en/",
        "/tin-tuc/",
        "/tin-tuc/chuyen-doi-so/trinh-bay-moi-loai-noi-dung/",
        "/en/about/",
    ):
        assert client.get(url).status_code == 200, url

    english_news = SectionPage.objects.get(slug="news", locale__language_code="en")
    assert english_news.articles().count() == 45
    # A page past the end is answered with the last one, so ask which page came back.
    response = client.get("/en/news/?page=3")
    assert response.status_code == 200
    listing = response.context["articles"]
    assert (listing.number, listing.paginator.num_pages, len(listing.object_list)) == (3, 3, 5)


def test_english_news_keeps_its_size_whatever_the_vietnamese_count():
    call_command("seed_demo", articles=4, media=0, stdout=io.StringIO())
    call_command("seed_demo", articles=9, media=0, stdout=io.StringIO())

    english = ArticlePage.objects.filter(locale__language_code="en")
    assert english.count() == 45
    assert english.filter(live=True).count() == 45
    assert not english.filter(title__regex=r"[À-ỹĐđ]").exists()  # English prose, not Vietnamese
    assert (
        ArticlePage.objects.filter(slug__regex=r"-[0-9a-f]{8}$", locale__language_code="vi").count()
        == 9
    )


def test_seed_demo_rejects_negative_counts():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("seed_demo", articles=-1)

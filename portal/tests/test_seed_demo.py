"""The demo seed: a complete two-language tree, and running it twice duplicates nothing."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from news.models import ArticlePage, SectionPage
from portal.models import HomePage, StandardPage

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


def test_seed_demo_rejects_negative_counts():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("seed_demo", articles=-1)

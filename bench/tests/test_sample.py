"""The benchmark's random sample: every kind of page drawn, the same pages for the same seed, and
a page that is slow, broken or over its query budget fails the run."""

import pytest

from bench import sample
from testsupport import make_article, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(homes):
    home, home_en = homes
    section = make_section(home, "Tin tức", slug="tin-tuc")
    english = make_section(home_en, "News", slug="news")
    for n in range(6):
        make_article(section, f"Bài {n}", tags=["a", "b", "c"][: n % 4] or None)
    make_article(english, "English story")
    return section


def test_the_sample_covers_every_kind_and_repeats_with_its_seed(corpus):
    drawn = sample.draw(seed=7, quick=True)
    kinds = {item.kind for item in drawn}

    assert {"article", "article_en", "article_untagged", "article_one_tag"} <= kinds
    assert {"article_many_tags", "section", "home", "tag_search", "feed", "sitemap"} <= kinds
    assert [i.url for i in sample.draw(seed=7, quick=True)] == [i.url for i in drawn]


def test_measured_pages_answer_and_stay_within_their_budgets(corpus):
    drawn = sample.draw(seed=3, quick=True)
    sample.measure(drawn)

    assert all(item.status == 200 for item in drawn), [(i.url, i.status) for i in drawn]
    assert sample.over_budget(drawn) == []


def test_slow_or_broken_pages_fail_the_run_and_expensive_ones_are_listed():
    pages = [
        sample.Sampled("article", "/a/", ms=1200.0, queries=5, status=200),
        sample.Sampled("section", "/s/", ms=10.0, queries=13, status=200),
        sample.Sampled("feed", "/rss.xml", ms=10.0, queries=3, status=503),
        sample.Sampled("home", "/", ms=900.0, queries=15, status=200),
    ]
    problems = sample.failures(pages)

    assert [p.split()[0] for p in problems] == ["/a/", "/rss.xml"]
    assert [p.split(":")[0] for p in sample.over_budget(pages)] == ["/s/"]

"""Section listings picked by position: every page lists exactly what the plain ORM ordering lists.

`SectionPage.article_positions` reads the page table alone (a covering index answers it), and the
paginator reads only the chosen page's rows. Checked here against `list(section.articles())` on a
small tree with subsections, drafts, a restricted subsection, an article moved away, back-dated
articles and ties on the publication date, at every page number from both ends.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from core.listing import for_cards, paginate
from testsupport import make_article, make_section

pytestmark = pytest.mark.django_db

PER_PAGE = 4


@pytest.fixture
def tree(home):
    now = timezone.now()
    top = make_section(home, "Tin tức", slug="tin-tuc")
    first, second = make_section(top, "Hoạt động"), make_section(top, "Chính sách")
    hidden = make_section(top, "Nội bộ")
    elsewhere = make_section(home, "Hợp tác quốc tế")
    for n in range(23):
        # Every third pair shares its date: the id breaks the tie, as in the ORM ordering.
        when = now - timedelta(days=n - n % 3 * (n % 2))
        make_article(first if n % 2 else second, f"Tin số {n}", published_at=when)
    make_article(first, "Tin cũ đăng lại", published_at=now - timedelta(days=4000))
    make_article(second, "Bản nháp", publish=False)
    make_article(hidden, "Tin nội bộ", published_at=now)
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    moved = make_article(first, "Tin chuyển đi", published_at=now - timedelta(days=2))
    moved.move(elsewhere, pos="last-child")
    return top


def listed(section, number):
    page = paginate(
        for_cards(section.articles()), number, PER_PAGE, positions=section.article_positions()
    )
    return [article.pk for article in page], page.paginator.num_pages


def test_every_page_lists_what_the_plain_ordering_lists(tree):
    tree.refresh_from_db()
    expected = [article.pk for article in tree.articles()]
    assert len(expected) == 24  # the draft, the restricted and the moved article are not listed
    _items, last = listed(tree, 1)
    for number in range(1, last + 1):
        items, _last = listed(tree, number)
        assert items == expected[(number - 1) * PER_PAGE : number * PER_PAGE], number


def test_a_subsection_lists_only_its_own_articles(tree):
    first = tree.get_children().get(slug="hoat-dong").specific
    expected = [article.pk for article in first.articles()]
    items, last = listed(first, 1)
    assert items == expected[:PER_PAGE]
    assert listed(first, last)[0] == expected[(last - 1) * PER_PAGE :]


def test_junk_and_too_high_page_numbers_give_the_first_and_last_pages(tree):
    expected = [article.pk for article in tree.articles()]
    assert listed(tree, "abc")[0] == expected[:PER_PAGE]
    assert listed(tree, 9999)[0] == expected[-(len(expected) % PER_PAGE or PER_PAGE) :]


def test_a_page_costs_the_same_queries_at_either_end(tree):
    counts = []
    for number in (1, 3, 6):
        listed(tree, 1)  # the count is cached after the first call
        with CaptureQueriesContext(connection) as queries:
            listed(tree, number)
        counts.append(len(queries))
    assert len(set(counts)) == 1, counts

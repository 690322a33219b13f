"""The site structure answers Wagtail's questions through public overrides, and cache tokens renew.

Within a request the overrides answer without a query and as Wagtail would; outside one (commands,
workers) Wagtail's own code runs.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.utils import translation
from wagtail.models import PageViewRestriction

from core.caching import structure, tokens
from testsupport import make_article, make_section, make_site

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.fixture
def in_request():
    token = structure.begin_request()
    yield
    structure.end_request(token)


@pytest.fixture
def tree():
    home, home_en = make_site()
    section = make_section(home, "Chuyển đổi số", slug="chuyen-doi-so")
    section_en = section.copy_for_translation(home_en.locale, copy_parents=False)
    section_en.save_revision().publish()
    article = make_article(section, "Bài đã có sẵn")
    return {
        "home": home,
        "home_en": home_en,
        "section": section,
        "section_en": section_en,
        "article": article,
    }


def test_localized_is_the_page_itself_in_its_own_language(
    tree, in_request, django_assert_num_queries
):
    structure.get_structure()
    section = tree["section"]
    with translation.override("vi"), django_assert_num_queries(0):
        assert section.localized is section  # a preview's unsaved changes stay in place


def test_localized_finds_the_live_translation_without_a_query(
    tree, in_request, django_assert_num_queries
):
    structure.get_structure()
    with translation.override("en"), django_assert_num_queries(0):
        assert tree["section"].localized.pk == tree["section_en"].pk


def test_outside_a_request_localized_is_wagtails_own(tree, django_assert_num_queries):
    with translation.override("en"):
        assert tree["section"].localized.pk == tree["section_en"].pk


def test_a_public_page_has_no_view_restriction_and_asks_no_query(
    tree, in_request, django_assert_num_queries
):
    structure.get_structure()
    with django_assert_num_queries(0):
        assert list(tree["article"].get_view_restrictions()) == []


def test_a_restricted_section_passes_its_restriction_to_its_stories(tree, in_request):
    restriction = PageViewRestriction.objects.create(
        page=tree["section"], restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Biên tập"))
    assert list(tree["article"].get_view_restrictions()) == [restriction]
    assert structure.get_structure().is_private(tree["article"])


def test_renewing_a_token_orphans_what_was_stored_under_it():
    (first,) = tokens.current(tokens.COUNTS)
    assert tokens.current(tokens.COUNTS) == [first]
    tokens.renew([tokens.COUNTS])
    assert tokens.current(tokens.COUNTS) != [first]


def test_a_lost_token_comes_back_new_never_old():
    (first,) = tokens.current(tokens.SITE)
    caches["default"].clear()  # evicted
    assert tokens.current(tokens.SITE) != [first]


def test_values_are_keyed_by_area_tokens_and_detail():
    key = tokens.key("count", ["abc"], "SELECT 1")
    assert key.startswith("portal:count:abc:") and "SELECT" not in key

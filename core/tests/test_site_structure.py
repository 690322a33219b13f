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


def test_renewing_a_token_makes_what_was_stored_under_it_stale():
    (first,) = tokens.current(tokens.COUNTS)
    assert tokens.current(tokens.COUNTS) == [first]
    tokens.renew([tokens.COUNTS])
    assert tokens.current(tokens.COUNTS) != [first]


def test_a_lost_token_comes_back_new_never_old():
    (first,) = tokens.current(tokens.SITE)
    caches["default"].clear()  # evicted
    assert tokens.current(tokens.SITE) != [first]


def test_values_are_keyed_by_area_and_detail_and_served_while_their_tokens_stand():
    value, slot = tokens.lookup("count", ["abc"], "SELECT 1")
    assert value is None
    assert slot.key.startswith("portal:count:") and "SELECT" not in slot.key
    tokens.keep(slot, 7, 60)
    assert tokens.lookup("count", ["abc"], "SELECT 1")[0] == 7
    assert tokens.lookup("count", ["abc"], "SELECT 2")[0] is None  # another detail
    assert tokens.lookup("count", ["xyz"], "SELECT 1")[0] is None  # other tokens
    tokens.renew(["abc"])
    value, renewed = tokens.lookup("count", ["abc"], "SELECT 1")
    assert value is None and renewed.key == slot.key and renewed.stamp != slot.stamp


def test_a_value_built_before_a_renewal_is_never_served_after_it():
    _value, slot = tokens.lookup("count", ["abc"], "SELECT 1")
    tokens.renew(["abc"])  # a change committed while the value was being built
    tokens.keep(slot, 7, 60)
    assert tokens.lookup("count", ["abc"], "SELECT 1")[0] is None

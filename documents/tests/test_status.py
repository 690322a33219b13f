"""The status is derived from dates and relations, and the listing's filter agrees with the page."""

import pytest

from documents.status import (
    AMENDS,
    EXPIRED,
    GUIDES,
    IN_FORCE,
    NOT_YET,
    PARTLY_EXPIRED,
    REPLACES,
    status_condition,
)

from .factories import days, make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(index, lists):
    docs = {
        "future": make_document(
            index, lists, "1/2026/NĐ-CP", effective_from=days(10), issued_on=days(-2)
        ),
        "in_force": make_document(index, lists, "2/2024/NĐ-CP"),
        "dated_out": make_document(index, lists, "3/2020/NĐ-CP", expires_on=days(-1)),
        "amended": make_document(index, lists, "4/2022/NĐ-CP"),
        "replaced": make_document(index, lists, "5/2019/NĐ-CP"),
        "guided": make_document(index, lists, "6/2023/NĐ-CP"),
    }
    docs["amending"] = make_document(
        index, lists, "7/2025/NĐ-CP", relations=[(AMENDS, docs["amended"])]
    )
    docs["replacing"] = make_document(
        index, lists, "8/2025/NĐ-CP", relations=[(REPLACES, docs["replaced"])]
    )
    docs["guiding"] = make_document(
        index,
        lists,
        "9/2025/TT-BTTTT",
        relations=[(GUIDES, docs["guided"])],
        document_type=lists["circular"],
    )
    # A replacement not yet in force does not end the document it will replace.
    docs["replaced_later"] = make_document(index, lists, "10/2021/NĐ-CP")
    make_document(
        index,
        lists,
        "11/2026/NĐ-CP",
        relations=[(REPLACES, docs["replaced_later"])],
        issued_on=days(-1),
        effective_from=days(20),
    )
    # A draft replacement (not live) changes nothing either.
    docs["draft_replaced"] = make_document(index, lists, "12/2021/NĐ-CP")
    make_document(
        index, lists, "13/2025/NĐ-CP", relations=[(REPLACES, docs["draft_replaced"])], live=False
    )
    return docs


EXPECTED = {
    "future": NOT_YET,
    "in_force": IN_FORCE,
    "dated_out": EXPIRED,
    "amended": PARTLY_EXPIRED,
    "replaced": EXPIRED,
    "guided": IN_FORCE,
    "amending": IN_FORCE,
    "replacing": IN_FORCE,
    "replaced_later": IN_FORCE,
    "draft_replaced": IN_FORCE,
}


def test_each_document_page_shows_the_status_its_dates_and_relations_give(library):
    for name, expected in EXPECTED.items():
        assert library[name].status() == expected, name


def test_listing_status_filter_selects_the_same_documents_as_the_pages(library, index):
    from documents.models import LegalDocumentPage

    queryset = LegalDocumentPage.objects.live().child_of(index)
    for status in (NOT_YET, IN_FORCE, PARTLY_EXPIRED, EXPIRED):
        found = set(queryset.filter(status_condition(status)).values_list("pk", flat=True))
        expected = {
            page.pk
            for page in LegalDocumentPage.objects.live().child_of(index)
            if page.status() == status
        }
        assert found == expected, status


def test_document_page_states_the_status_in_words_and_both_directions_of_relations(client, library):
    replaced = client.get(library["replaced"].url).content.decode()
    assert "Hết hiệu lực" in replaced
    assert "Bị thay thế bởi" in replaced and "8/2025/NĐ-CP" in replaced
    replacing = client.get(library["replacing"].url).content.decode()
    assert "Thay thế" in replacing and "5/2019/NĐ-CP" in replacing
    amended = client.get(library["amended"].url).content.decode()
    assert "Hết hiệu lực một phần" in amended and "Được sửa đổi, bổ sung bởi" in amended
    guided = client.get(library["guided"].url).content.decode()
    assert "Được hướng dẫn bởi" in guided and "9/2025/TT-BTTTT" in guided


@pytest.mark.django_db
def test_publishing_a_replacement_refreshes_the_cached_page_of_the_replaced_document(
    client, index, lists, settings
):
    settings.PORTAL_PAGE_CACHE = True
    settings.PORTAL_STRUCTURE_CACHE = True
    old = make_document(index, lists, "30/2019/NĐ-CP")
    # The first visit also creates the site settings row, which (rightly) purges every page.
    client.get(old.url)
    assert "Còn hiệu lực" in client.get(old.url).content.decode()
    assert client.get(old.url)["X-Page-Cache"] == "hit"
    make_document(index, lists, "31/2025/NĐ-CP", relations=[(REPLACES, old)])
    body = client.get(old.url).content.decode()
    assert "Bị thay thế bởi" in body and ">Hết hiệu lực<" in body

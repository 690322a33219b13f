"""The listing read from the document rows equals Wagtail's definition, whatever happens to the tree.

Wagtail's definition: `LegalDocumentPage.objects.live().public().child_of(index)`, filtered and
sorted in Python here, statuses derived by `derive_status` on a controlled date.
"""

import importlib
from datetime import date
from itertools import product

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import PageViewRestriction

from documents.keys import words
from documents.listed import relist, restate
from documents.models import LegalDocumentPage
from documents.status import AMENDS, REPLACES, derive_status
from documents.views import filtered_documents, read_filters

from .factories import days, make_document, make_index

pytestmark = pytest.mark.django_db


def _definition(index, filters: dict, on: date) -> list[int]:
    """The listing as the ORM and Python define it: no listing column, no SQL status."""
    documents = list(LegalDocumentPage.objects.live().public().child_of(index))
    acting = {
        (relation.kind, relation.target_id)
        for document in LegalDocumentPage.objects.live()
        for relation in document.relations.all()
        if document.effective_from <= on
    }
    terms = words(filters.get("q", ""))
    kept = []
    for document in documents:
        status = derive_status(
            document.effective_from,
            document.expires_on,
            (REPLACES, document.pk) in acting,
            (AMENDS, document.pk) in acting,
            on=on,
        )
        checks = [
            "type" not in filters or document.document_type_id == filters["type"].pk,
            "issuer" not in filters or document.issuer_id == filters["issuer"].pk,
            "field" not in filters or document.field_id == filters["field"].pk,
            "year" not in filters or document.issued_on.year == filters["year"],
            "status" not in filters or status == filters["status"],
            all(f" {term} " in document.text_key for term in terms),
        ]
        if all(checks):
            kept.append(document)

    def rank(document) -> int:
        if terms and all(f" {t} " in document.number_key for t in terms):
            return 2
        return 1 if terms and all(f" {t} " in document.title_key for t in terms) else 0

    kept.sort(key=lambda d: (rank(d), d.issued_on, d.pk), reverse=True)
    return [document.pk for document in kept]


@pytest.fixture
def tree(homes, index, lists):
    """Two Vietnamese indexes and an English one; drafts, an unpublished, a moved and restricted pages."""
    other = make_index(homes[0], slug="van-ban-cu", title="Văn bản cũ")
    english = make_index(homes[1], slug="documents", title="Documents")
    made = {}
    made["old"] = make_document(
        index,
        lists,
        "1/2010/NĐ-CP",
        title="Nghị định cũ",
        issued_on=days(-4000),
        effective_from=days(-3990),
    )
    made["new"] = make_document(
        index,
        lists,
        "2/2024/NĐ-CP",
        title="Nghị định thay thế",
        issued_on=days(-300),
        effective_from=days(-290),
        relations=[(REPLACES, made["old"])],
    )
    made["coming"] = make_document(
        index,
        lists,
        "3/2026/TT-BTTTT",
        title="Thông tư chuyển đổi số",
        document_type=lists["circular"],
        issuer=lists["ministry"],
        issued_on=days(-5),
        effective_from=days(10),
        expires_on=days(20),
    )
    made["amending"] = make_document(
        index,
        lists,
        "4/2026/NĐ-CP",
        title="Nghị định sửa đổi",
        issued_on=days(-2),
        effective_from=days(5),
        relations=[(AMENDS, made["new"])],
    )
    made["draft"] = make_document(index, lists, "5/2026/NĐ-CP", title="Dự thảo", live=False)
    made["unpublished"] = make_document(index, lists, "6/2025/NĐ-CP", title="Đã gỡ")
    made["unpublished"].unpublish()
    made["moved"] = make_document(index, lists, "7/2025/NĐ-CP", title="Chuyển đi")
    made["moved"].move(other, pos="last-child")
    made["restricted"] = make_document(index, lists, "8/2025/NĐ-CP", title="Hạn chế")
    PageViewRestriction.objects.create(
        page=made["restricted"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    made["in_other"] = make_document(other, lists, "9/2025/NĐ-CP", title="Ở mục khác")
    made["in_english"] = make_document(english, lists, "10/2025/ND-CP", title="Decree")
    return {"index": index, "other": other, "english": english, **made}


def _filter_shapes(lists) -> list[dict]:
    shapes: list[dict] = [{}]
    values = {
        "type": ["nghi-dinh", "thong-tu"],
        "issuer": ["bo"],
        "status": ["chua-co-hieu-luc", "con-hieu-luc", "het-hieu-luc-mot-phan", "het-hieu-luc"],
        "q": ["nđ-cp", "chuyen doi so", "2024 2"],
        "year": [str(days(-300).year)],
    }
    for name, options in values.items():
        shapes += [{name: value} for value in options]
    shapes += [{"type": t, "status": s} for t, s in product(values["type"], values["status"][:2])]
    return shapes


@pytest.mark.parametrize("shift", [0, 11, 25])
def test_listing_equals_the_orm_definition_as_days_pass(tree, lists, monkeypatch, shift):
    on = days(shift)
    monkeypatch.setattr("documents.views.today", lambda: on)
    for index in (tree["index"], tree["other"], tree["english"]):
        for params in _filter_shapes(lists):
            _form, filters, ignored = read_filters(_query(params))
            assert not ignored, params
            found = list(filtered_documents(index, filters))
            assert found == _definition(index, filters, on), (index.slug, params, shift)


def _query(params: dict):
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    query.update(params)
    return query


def test_drafts_unpublished_moved_and_restricted_pages_never_leak(tree):
    listed = set(tree["index"].documents().values_list("pk", flat=True))
    assert listed == {tree[name].pk for name in ("old", "new", "coming", "amending")}
    assert set(tree["other"].documents()) == {tree["moved"], tree["in_other"]}


def test_a_restriction_on_the_index_hides_its_whole_listing(client, tree):
    PageViewRestriction.objects.create(
        page=tree["other"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert not tree["other"].documents().exists()
    assert list(LegalDocumentPage.objects.live().public().child_of(tree["other"])) == []


def test_republishing_and_deleting_follow_the_definition(tree):
    tree["draft"].save_revision().publish()
    tree["unpublished"].save_revision().publish()
    tree["new"].delete()
    definition = LegalDocumentPage.objects.live().public().child_of(tree["index"])
    assert set(tree["index"].documents()) == set(definition)
    assert tree["draft"].pk in {d.pk for d in definition}


def test_status_counts_in_the_page_follow_the_date(client, tree, monkeypatch):
    url = tree["index"].url
    body = client.get(url, {"status": "chua-co-hieu-luc"}).content.decode()
    assert '<h2 id="documents-heading">2 văn bản</h2>' in body
    monkeypatch.setattr("documents.views.today", lambda: days(11))
    body = client.get(url, {"status": "chua-co-hieu-luc"}).content.decode()
    assert '<h2 id="documents-heading">0 văn bản</h2>' in body


def test_relist_and_restate_repair_every_row(tree, monkeypatch):
    monkeypatch.setattr("documents.views.today", lambda: days(11))
    LegalDocumentPage.objects.update(listed_under=None, replaced_from=None, amended_from=None)
    relist()
    restate()
    for index in (tree["index"], tree["other"], tree["english"]):
        definition = LegalDocumentPage.objects.live().public().child_of(index)
        assert set(index.documents()) == set(definition)
    _assert_every_status_matches(tree["index"], days(11))


def test_the_migration_fills_the_columns_for_existing_documents(tree, monkeypatch):
    LegalDocumentPage.objects.update(listed_under=None, replaced_from=None, amended_from=None)
    state = MigrationExecutor(connection).loader.project_state(("documents", "0003_listed_under"))
    migration = importlib.import_module("documents.migrations.0003_listed_under")
    migration.fill_listed_under(state.apps, connection.schema_editor())
    assert set(tree["index"].documents()) == set(
        LegalDocumentPage.objects.live().public().child_of(tree["index"])
    )
    assert LegalDocumentPage.objects.get(pk=tree["draft"].pk).listed_under_id is None
    assert LegalDocumentPage.objects.get(pk=tree["moved"].pk).listed_under_id == tree["other"].pk
    assert LegalDocumentPage.objects.get(pk=tree["old"].pk).replaced_from == days(-290)
    monkeypatch.setattr("documents.views.today", lambda: days(11))
    _assert_every_status_matches(tree["index"], days(11))


def _assert_every_status_matches(index, on) -> None:
    for status in ("chua-co-hieu-luc", "con-hieu-luc", "het-hieu-luc-mot-phan", "het-hieu-luc"):
        found = list(filtered_documents(index, {"status": status}))
        assert found == _definition(index, {"status": status}, on), status


def test_status_inputs_follow_the_sources_being_unpublished_edited_and_deleted(tree, monkeypatch):
    on = days(11)  # the amending document is in force
    monkeypatch.setattr("documents.views.today", lambda: on)
    index = tree["index"]
    _assert_every_status_matches(index, on)
    new = LegalDocumentPage.objects.get(pk=tree["new"].pk)
    new.unpublish()
    _assert_every_status_matches(index, on)
    new = LegalDocumentPage.objects.get(pk=new.pk)
    new.relations.clear()  # the editor removes "replaces" and publishes again
    new.save_revision().publish()
    _assert_every_status_matches(index, on)
    assert LegalDocumentPage.objects.get(pk=tree["old"].pk).replaced_from is None
    LegalDocumentPage.objects.get(pk=tree["amending"].pk).delete()
    _assert_every_status_matches(index, on)
    assert LegalDocumentPage.objects.get(pk=new.pk).amended_from is None


def test_a_new_relation_published_later_sets_its_target_inputs(tree, monkeypatch):
    on = days(11)
    monkeypatch.setattr("documents.views.today", lambda: on)
    coming = LegalDocumentPage.objects.get(pk=tree["coming"].pk)
    from documents.models import DocumentRelation

    coming.relations.add(DocumentRelation(kind=REPLACES, target=tree["in_other"]))
    coming.save_revision().publish()
    assert LegalDocumentPage.objects.get(pk=tree["in_other"].pk).replaced_from == days(10)
    _assert_every_status_matches(tree["other"], on)

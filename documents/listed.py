"""Which index lists a document, and its status's inputs, kept on the document's own row.

Wagtail's definition of what an index lists (`live().public().child_of(index)`) lives on the
page table: filtering and sorting 10,000 documents by it joins every one of them to that table
and sorts them all, because the planner cannot see how many pages share a path prefix. So each
document row carries `listed_under`: its parent's id while the page is live, NULL otherwise.
The listing then filters, sorts and counts one narrow table through its own indexes, and stops
after the page's twenty rows.

The column is recomputed from the page table (never from the object in memory, which may come
from an old revision) after every save of a document, every unpublication and every move; those
are the only ways Wagtail changes a page's `live` or its parent. Deleting the parent deletes the
documents. View restrictions are read from the site structure at query time, so a restriction
added or removed never waits for a recomputation.

The same goes for the status: `replaced_from` and `amended_from` are the first day a live
document replacing (amending) this one is in force. They change when a relation is saved or
deleted, or when its source is saved, unpublished or moved; each of those recomputes its
targets. The status itself is never stored: the listing compares those dates with today.
"""

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db.models import Min, Model, QuerySet
from wagtail.models import Page

BATCH = 500


def relist(
    ids: Iterable[int] | None = None,
    page_model: type[Model] = Page,
    document_model: type[Model] | None = None,
) -> int:
    """Recompute `listed_under` of these documents (all of them when `ids` is None).

    The models are parameters so that the migration filling the column runs this same code on
    its historical models. A few queries, whatever the number of documents.
    """
    if document_model is None:
        from documents.models import LegalDocumentPage

        document_model = LegalDocumentPage
    steplen = Page.steplen
    documents = document_model._default_manager.all()
    if ids is not None:
        documents = documents.filter(pk__in=list(ids))
    pages = page_model._default_manager.filter(pk__in=documents.values("pk")).values_list(
        "pk", "live", "path"
    )
    rows = list(pages)
    parent_paths = {path[:-steplen] for _pk, _live, path in rows}
    parents = dict(
        page_model._default_manager.filter(path__in=parent_paths).values_list("path", "pk")
    )
    groups: dict[int | None, list[int]] = defaultdict(list)
    for pk, live, path in rows:
        groups[parents.get(path[:-steplen]) if live else None].append(pk)
    for parent_id, members in groups.items():
        for start in range(0, len(members), BATCH):
            document_model._default_manager.filter(pk__in=members[start : start + BATCH]).update(
                listed_under=parent_id
            )
    return len(rows)


def restate(
    ids: Iterable[int] | None = None,
    relation_model: type[Model] | None = None,
    document_model: type[Model] | None = None,
) -> None:
    """Recompute `replaced_from` and `amended_from` of these documents (all when `ids` is None)."""
    from documents.status import AMENDS, REPLACES

    if relation_model is None or document_model is None:
        from documents.models import DocumentRelation, LegalDocumentPage

        relation_model, document_model = DocumentRelation, LegalDocumentPage
    documents = document_model._default_manager.all()
    relations = relation_model._default_manager.filter(
        kind__in=(REPLACES, AMENDS), source__listed_under__isnull=False
    )
    if ids is not None:
        ids = list(ids)
        documents = documents.filter(pk__in=ids)
        relations = relations.filter(target_id__in=ids)
    first = {
        (row["target_id"], row["kind"]): row["first"]
        for row in relations.values("target_id", "kind").annotate(
            first=Min("source__effective_from")
        )
    }
    targets = ids if ids is not None else list(documents.values_list("pk", flat=True))
    groups: dict[tuple[Any, Any], list[int]] = defaultdict(list)
    for pk in targets:
        groups[(first.get((pk, REPLACES)), first.get((pk, AMENDS)))].append(pk)
    for (replaced_from, amended_from), members in groups.items():
        for start in range(0, len(members), BATCH):
            document_model._default_manager.filter(pk__in=members[start : start + BATCH]).update(
                replaced_from=replaced_from, amended_from=amended_from
            )


def targets_of(ids: Iterable[int]) -> list[int]:
    from documents.models import DocumentRelation

    return list(
        DocumentRelation.objects.filter(source_id__in=list(ids))
        .values_list("target_id", flat=True)
        .distinct()
    )


def listed_in(index: Page) -> QuerySet:
    """The documents `index` lists: equal to `LegalDocumentPage.objects.live().public().child_of(index)`.

    A restriction on the index or above it hides them all; one on a document hides that one.
    Restrictions deeper than the index's children cannot cover a child, so they are skipped.
    """
    from core.caching.structure import get_structure
    from documents.models import LegalDocumentPage

    documents = LegalDocumentPage.objects.filter(listed_under=index.pk)
    child_path_length = len(index.path) + Page.steplen
    hidden = []
    for restriction in get_structure().restrictions:
        path = restriction.page.path
        if index.path.startswith(path):
            return documents.none()
        if len(path) == child_path_length and path.startswith(index.path):
            hidden.append(restriction.page_id)
    return documents.exclude(pk__in=hidden) if hidden else documents


def on_document_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    # A fixture load (raw) writes rows as they are; its pages may not exist yet.
    if not raw and instance.pk:
        _changed(instance.pk)


def on_page_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    """Unpublished or moved: Wagtail saved the plain page, so the document's own save did not run."""
    _changed(instance.pk)


def on_relation_changed(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    """A relation saved or deleted (also with its source page): its target's status inputs."""
    if not raw and instance.target_id:
        restate([instance.target_id])


def _changed(pk: int) -> None:
    relist([pk])
    # Its own inputs (a new page may be the target of nothing yet) and those of its targets.
    restate([pk, *targets_of([pk])])

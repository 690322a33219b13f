"""Keeping the ranked index in step with what readers can see.

A page enters (or is refreshed in) the index when it is published and leaves it when it is
unpublished; deleting a page deletes its row (cascade). Moves, translations and view
restrictions need nothing here: the ranking joins the page table for them at query time.
Bulk loads (the demo seeder) call `index_pages` themselves, as they bypass the signals.
Registered sources (core/search/sources.py) call `index_objects` / `remove_objects` when their
objects change.
"""

import unicodedata
from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Model
from wagtail.models import Page

from core.search.fields import SiteSearch, document_for, with_related_fields
from core.search.sources import SearchRow, SearchSource, sources
from sitewide.search.models import SearchEntry

BATCH = 500


def fold(text: str) -> str:
    """Lower case without diacritics (đ becomes d), as `portal_vietnamese` folds on PostgreSQL."""
    text = text.lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _entry(content_type_id: int, row: SearchRow) -> SearchEntry:
    texts: tuple[str, ...] = (row.title, row.lead, row.body)
    if connection.vendor != "postgresql":
        # SQLite matches with LIKE, which folds ASCII case only: store the text folded.
        texts = tuple(fold(text) for text in texts)
    return SearchEntry(
        content_type_id=content_type_id,
        object_id=row.object_id,
        page_id=row.page_id,
        locale_id=row.locale_id,
        published_at=row.published_at,
        title=texts[0],
        lead=texts[1],
        body=texts[2],
    )


def _write(content_type_id: int, rows: Iterable[SearchRow]) -> int:
    entries = [_entry(content_type_id, row) for row in rows]
    SearchEntry.objects.bulk_create(
        entries,
        batch_size=BATCH,
        update_conflicts=True,
        unique_fields=["content_type", "object_id"],
        update_fields=["page", "locale", "published_at", "title", "lead", "body"],
    )
    return len(entries)


def is_searchable(page_or_type: Any) -> bool:
    return isinstance(getattr(page_or_type, "site_search", None), SiteSearch)


def index_pages(pages: Iterable[Any]) -> int:
    """Write the index rows of these live pages (any mix of types) in one statement per 500."""
    by_model: dict[type[Page], list[int]] = {}
    for page in pages:
        specific_class = page.specific_class if isinstance(page, Page) else type(page)
        if specific_class is not None and is_searchable(specific_class):
            by_model.setdefault(specific_class, []).append(page.pk)
    return sum(_index_ids(model, ids) for model, ids in by_model.items())


def _page_row(page: Any) -> SearchRow:
    document = document_for(page)
    return SearchRow(
        object_id=page.pk,
        page_id=page.pk,
        locale_id=page.locale_id,
        published_at=page.first_published_at,
        title=document.title,
        lead=document.lead,
        body=document.body,
    )


def _index_ids(model: type[Page], ids: list[int]) -> int:
    content_type_id = ContentType.objects.get_for_model(model).pk
    written = 0
    for start in range(0, len(ids), BATCH):
        queryset = with_related_fields(model.objects.filter(pk__in=ids[start : start + BATCH]))
        written += _write(content_type_id, [_page_row(page) for page in queryset.filter(live=True)])
    return written


def remove_pages(page_ids: Iterable[int]) -> None:
    """Remove pages' own rows (rows of other objects shown on those pages stay, hidden with them)."""
    SearchEntry.objects.filter(page_id__in=list(page_ids)).exclude(
        content_type__in=_source_types()
    ).delete()


def _source_types() -> list[int]:
    return [ContentType.objects.get_for_model(source.model).pk for source in sources()]


def _source_for(model: type[Model]) -> SearchSource:
    return next(source for source in sources() if source.model is model)


def index_objects(model: type[Model], objects: Iterable[Any]) -> int:
    """Write the rows of a registered model's objects, and remove those readers may no longer find."""
    objects = list(objects)
    rows = _source_for(model).rows(objects)
    content_type_id = ContentType.objects.get_for_model(model).pk
    kept = {row.object_id for row in rows}
    gone = [obj.pk for obj in objects if obj.pk not in kept]
    if gone:
        remove_objects(model, gone)
    return _write(content_type_id, rows)


def remove_objects(model: type[Model], object_ids: Iterable[int]) -> None:
    SearchEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id__in=list(object_ids)
    ).delete()


def _registered(model: type[Model]) -> bool:
    return any(source.model is model for source in sources())


def on_object_saved(sender: type[Model], instance: Any, **kwargs: Any) -> None:
    """A registered source's object saved: its row written, or removed if no longer findable."""
    if _registered(sender):
        index_objects(sender, [instance])


def on_object_deleted(sender: type[Model], instance: Any, **kwargs: Any) -> None:
    if _registered(sender):
        remove_objects(sender, [instance.pk])


def on_page_published(sender: Any, instance: Any, **kwargs: Any) -> None:
    if is_searchable(instance):
        index_pages([instance])


def on_page_unpublished(sender: Any, instance: Any, **kwargs: Any) -> None:
    remove_pages([instance.pk])


def rebuild(batch: int = 2000, progress: Any = None) -> int:
    """Index every live page of every searchable type, and every registered source, again."""
    from core.search.fields import site_search_models

    models = site_search_models()
    page_types = [ct.pk for ct in ContentType.objects.get_for_models(*models).values()]
    source_types = _source_types()
    SearchEntry.objects.exclude(content_type__in=page_types + source_types).delete()
    SearchEntry.objects.filter(content_type__in=page_types).exclude(page__live=True).delete()
    written = 0
    for model in models:
        ids = list(model.objects.live().order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), batch):
            written += _index_ids(model, ids[start : start + batch])
            if progress:
                progress(model, min(start + batch, len(ids)), len(ids))
    for source in sources():
        content_type_id = ContentType.objects.get_for_model(source.model).pk
        SearchEntry.objects.filter(content_type_id=content_type_id).delete()
        count = _write(content_type_id, source.all_rows())
        written += count
        if progress:
            progress(source.model, count, count)
    return written

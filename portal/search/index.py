"""Keeping the ranked index in step with what readers can see.

A page enters (or is refreshed in) the index when it is published and leaves it when it is
unpublished; deleting a page deletes its row (cascade). Moves, translations and view
restrictions need nothing here: the ranking joins the page table for them at query time.
Bulk loads (the demo seeder) call `index_pages` themselves, as they bypass the signals.
"""

import unicodedata
from collections.abc import Iterable
from typing import Any

from django.db import connection
from wagtail.models import Page

from portal.search.fields import SiteSearch, document_for, with_related_fields
from portal.search.models import SearchEntry


def fold(text: str) -> str:
    """Lower case without diacritics (đ becomes d), as `portal_vietnamese` folds on PostgreSQL."""
    text = text.lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _entry(page: Any) -> SearchEntry:
    document = document_for(page)
    if connection.vendor == "postgresql":
        return SearchEntry(
            page_id=page.pk, title=document.title, lead=document.lead, body=document.body
        )
    # SQLite matches with LIKE, which folds ASCII case only: store the text folded.
    return SearchEntry(
        page_id=page.pk,
        title=fold(document.title),
        lead=fold(document.lead),
        body=fold(document.body),
    )


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


def _index_ids(model: type[Page], ids: list[int]) -> int:
    written = 0
    for start in range(0, len(ids), 500):
        queryset = with_related_fields(model.objects.filter(pk__in=ids[start : start + 500]))
        entries = [_entry(page) for page in queryset.filter(live=True)]
        SearchEntry.objects.bulk_create(
            entries,
            update_conflicts=True,
            unique_fields=["page"],
            update_fields=["title", "lead", "body"],
        )
        written += len(entries)
    return written


def remove_pages(page_ids: Iterable[int]) -> None:
    SearchEntry.objects.filter(page_id__in=list(page_ids)).delete()


def on_page_published(sender: Any, instance: Any, **kwargs: Any) -> None:
    if is_searchable(instance):
        index_pages([instance])


def on_page_unpublished(sender: Any, instance: Any, **kwargs: Any) -> None:
    remove_pages([instance.pk])


def rebuild(batch: int = 2000, progress: Any = None) -> int:
    """Index every live page of every searchable type again (after a migration, or to repair)."""
    from django.contrib.contenttypes.models import ContentType

    from portal.search.fields import site_search_models

    models = site_search_models()
    types = ContentType.objects.get_for_models(*models).values()
    SearchEntry.objects.exclude(page__live=True, page__content_type__in=types).delete()
    written = 0
    for model in models:
        ids = list(model.objects.live().order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), batch):
            written += _index_ids(model, ids[start : start + batch])
            if progress:
                progress(model, min(start + batch, len(ids)), len(ids))
    return written

"""What a page type puts in the ranked site search, declared once on the page type.

A page type joins site search with one class attribute::

    class LegalDocumentPage(BasePage):
        site_search = SiteSearch(lead=("summary",))

Its title is weighted A, the `lead` fields B, and every other `SearchField` or `RelatedFields`
of its Wagtail `search_fields` C (body, tags, transcript...). The weights are ours, not derived
from Wagtail's boosts: those are mapped to letters over every model of the project (images
boost their title by 10), so a new model elsewhere could silently demote article titles.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Manager, QuerySet
from django.utils.html import strip_tags
from wagtail.models import Page, get_page_models
from wagtail.search import index


@dataclass(frozen=True)
class SiteSearch:
    """The ranked fields of a page type: the title (A), lead fields (B), the rest of `search_fields` (C)."""

    lead: tuple[str, ...] = ()
    # Fields of `search_fields` left out of the body (besides the title and the lead fields).
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class SearchDocument:
    """The text of one page as the ranked index stores it."""

    title: str
    lead: str
    body: str


def site_search_models() -> list[type[Page]]:
    """Every concrete page type that declares `site_search`, in a stable order."""
    models = [
        model
        for model in get_page_models()
        if isinstance(getattr(model, "site_search", None), SiteSearch) and not model._meta.abstract
    ]
    return sorted(models, key=lambda model: model._meta.label)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return strip_tags(value)
    if isinstance(value, (list, tuple)):
        return " ".join(_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_text(item) for item in value.values())
    return strip_tags(str(value))


def _related_text(related: index.RelatedFields, page: Any) -> str:
    value = related.get_value(page)
    if value is None:
        return ""
    objects: Iterable[Any] = value.all() if isinstance(value, Manager) else [value]
    parts: list[str] = []
    for obj in objects:
        parts.extend(
            _text(sub.get_value(obj))
            for sub in related.fields
            if isinstance(sub, index.SearchField)
        )
    return " ".join(parts)


def document_for(page: Any) -> SearchDocument:
    """The title, lead and body text of a specific page, from its declaration and `search_fields`."""
    declaration: SiteSearch = type(page).site_search
    lead = [_text(getattr(page, name, "")) for name in declaration.lead]
    skip = {"title", *declaration.lead, *declaration.exclude}
    body = []
    for search_field in type(page).get_search_fields():
        if isinstance(search_field, index.SearchField) and search_field.field_name not in skip:
            body.append(_text(search_field.get_value(page)))
        elif isinstance(search_field, index.RelatedFields) and search_field.field_name not in skip:
            body.append(_related_text(search_field, page))
    return SearchDocument(
        title=page.title,
        lead=" ".join(part for part in lead if part),
        body=" ".join(part for part in body if part),
    )


def with_related_fields(queryset: QuerySet) -> QuerySet:
    """A queryset of one page type with the related rows its `search_fields` read prefetched."""
    for search_field in queryset.model.get_search_fields():
        if isinstance(search_field, index.RelatedFields):
            queryset = search_field.select_on_queryset(queryset)
    return queryset

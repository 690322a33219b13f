"""What the documents index and a document page put in front of the reader, in constant queries.

The listing: the filter lists from the shared cache, one count (cached per combination), one
query for the page's ids (an index walk over the document rows, `documents/listed.py`) and one
for those rows, with type and issuer joined and the status computed in the same query. A
document page: its files, its relations both ways, and the articles citing it, one query each.
"""

from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace
from typing import Any

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.http import HttpRequest, QueryDict
from django.utils.text import Truncator

from core.caching import tokens
from core.listing import paginate
from documents.forms.filters import DocumentFilterForm
from documents.keys import words
from documents.status import STATUS_LABELS, row_status, status_condition, today

PAGE_SIZE = 20
# Renewed whenever an editor changes a document type, issuing body or field (apps.py).
LISTS_TOKEN = "documents-lists"
LISTS_TIMEOUT = 60 * 60 * 24


def filter_lists() -> dict[str, list[Any]]:
    """The editors' lists the form offers, read once per change instead of three queries a view."""
    from documents.models import DocumentField, DocumentType, IssuingBody

    def build() -> dict[str, list[Any]]:
        return {
            "type": list(DocumentType.objects.all()),
            "issuer": list(IssuingBody.objects.all()),
            "field": list(DocumentField.objects.all()),
        }

    return tokens.cached(LISTS_TOKEN, [LISTS_TOKEN], "", build, LISTS_TIMEOUT)


def forget_lists(**kwargs: Any) -> None:
    tokens.renew([LISTS_TOKEN])


def read_filters(
    params: QueryDict, lists: dict[str, list[Any]] | None = None
) -> tuple[DocumentFilterForm, dict[str, Any], list[str]]:
    """The bound form, the filters to apply and the labels of values ignored as not understood."""
    lists = lists if lists is not None else filter_lists()
    form = DocumentFilterForm(params or None, lists=lists, last_year=today().year + 1)
    if not form.is_bound:
        return form, {}, []
    if not form.is_valid():
        # Unknown values answer the whole listing with a notice, never an error page.
        return form, {}, form.ignored()
    data = {key: value for key, value in form.cleaned_data.items() if value not in ("", None)}
    for name in ("type", "issuer", "field"):
        if name in data:
            data[name] = next(item for item in lists[name] if item.slug == data[name])
    return form, data, []


def filtered_documents(index: Any, filters: dict[str, Any]) -> QuerySet:
    """The index's live documents matching the filters, best first (relevance, then newest).

    Narrow rows (no joins, no status): sorting 10,000 matches costs what sorting their dates
    does. `shown()` then reads the page's twenty in full.
    """
    on = today()
    queryset = index.documents()
    if "type" in filters:
        queryset = queryset.filter(document_type=filters["type"])
    if "issuer" in filters:
        queryset = queryset.filter(issuer=filters["issuer"])
    if "field" in filters:
        queryset = queryset.filter(field=filters["field"])
    if "year" in filters:
        queryset = queryset.filter(issued_on__year=filters["year"])
    if "status" in filters:
        queryset = queryset.filter(status_condition(filters["status"], on))
    terms = words(filters.get("q", ""))
    if not terms:
        return queryset.order_by("-issued_on", "-pk").values_list("pk", flat=True)
    for term in terms:
        queryset = queryset.filter(text_key__contains=f" {term} ")
    # Relevance: every word in the number first, then every word in the title, then the rest.
    in_number = Q(*(Q(number_key__contains=f" {t} ") for t in terms))
    in_title = Q(*(Q(title_key__contains=f" {t} ") for t in terms))
    rank = Case(
        When(in_number, then=Value(2)),
        When(in_title, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    return (
        queryset.annotate(rank=rank)
        .order_by("-rank", "-issued_on", "-pk")
        .values_list("pk", flat=True)
    )


def shown(ids: list[int]) -> list[Any]:
    """The documents with these ids, in this order: type, issuer and field in one query (feeds)."""
    from documents.models import LegalDocumentPage

    rows = (
        LegalDocumentPage.objects.filter(pk__in=ids)
        .select_related("document_type", "issuer", "field")
        .defer_streamfields()
        .defer("text_key", "title_key")
    )
    by_id = {row.pk: row for row in rows}
    return [by_id[pk] for pk in ids if pk in by_id]


@dataclass
class ListingRow:
    """One row of the listing, everything it shows already computed (no lookups when rendered)."""

    pk: int
    title: str
    number: str
    url: str
    summary: str
    type_label: str
    issuer_label: str
    issued_on: date
    status: str
    status_label: str


def listing_rows(ids: list[int], index_url: str, lists: dict[str, list[Any]]) -> list[ListingRow]:
    """The rows for these ids, in this order: one query for their own columns, nothing else.

    Type and issuer names come from the filter lists already read (no join, no model instance
    per row). Each row's address is its index's plus its slug, as Wagtail builds a child's
    `url_path`, so no URL is resolved per row.
    """
    from documents.models import LegalDocumentPage

    labels = {name: {item.pk: item.label for item in lists[name]} for name in ("type", "issuer")}
    values = LegalDocumentPage.objects.filter(pk__in=ids).values(*ROW_FIELDS)
    by_id = {row["pk"]: row for row in values}
    on = today()
    rows = []
    for pk in ids:
        if (row := by_id.get(pk)) is None:
            continue
        status = row_status(SimpleNamespace(**row), on)
        rows.append(
            ListingRow(
                pk=pk,
                title=row["title"],
                number=row["number"],
                url=f"{index_url}{row['slug']}/",
                summary=Truncator(row["lead"]).words(SUMMARY_WORDS, truncate=" …"),
                type_label=labels["type"].get(row["document_type"], ""),
                issuer_label=labels["issuer"].get(row["issuer"], ""),
                issued_on=row["issued_on"],
                status=status,
                status_label=str(STATUS_LABELS[status]),
            )
        )
    return rows


SUMMARY_WORDS = 45
ROW_FIELDS = (
    "pk",
    "title",
    "slug",
    "number",
    "lead",
    "document_type",
    "issuer",
    "issued_on",
    "effective_from",
    "expires_on",
    "replaced_from",
    "amended_from",
)


def listing_context(index: Any, request: HttpRequest) -> dict[str, Any]:
    lists = filter_lists()
    form, filters, ignored = read_filters(request.GET, lists)
    documents = paginate(filtered_documents(index, filters), request.GET.get("page"), PAGE_SIZE)
    index_url = index.get_url(request)
    documents.object_list = listing_rows(list(documents.object_list), index_url, lists)
    return {
        "form": form,
        "filters": filters,
        "ignored": ignored,
        "documents": documents,
        "feed_query": feed_query(filters),
    }


def feed_query(filters: dict[str, Any]) -> str:
    """The query string of the feed for these filters (the page number is not a filter)."""
    params = QueryDict(mutable=True)
    for name, value in filters.items():
        params[name] = getattr(value, "slug", value)
    return params.urlencode()


def document_context(document: Any, preview: bool = False) -> dict[str, Any]:
    from documents.models import DocumentRelation

    if preview or not document.pk:
        # A preview shows the editor's unsaved files and relations, held in memory.
        outgoing = [r for r in document.relations.all() if r.target_id]
        files = [f for f in document.files.all() if f.file]
    else:
        outgoing = list(
            DocumentRelation.objects.filter(source=document, target__live=True)
            .select_related("target")
            .order_by("sort_order")
        )
        files = list(document.files.order_by("sort_order"))
    incoming = document.incoming()
    status = document.status()
    return {
        "files": files,
        "outgoing": outgoing,
        "incoming": incoming,
        "document_status": status,
        "document_status_label": str(STATUS_LABELS[status]),
        "citing_articles": citing_articles(document) if document.pk else [],
    }


def citing_articles(document: Any, limit: int = 6) -> list[Any]:
    from news.models import ArticlePage

    return list(
        ArticlePage.objects.live()
        .public()
        .filter(document_links__document=document)
        .defer_streamfields()
        .order_by("-first_published_at")[:limit]
    )

"""Documents in bulk, for the benchmarks: rows written directly, as the news demo writes articles.

The composed library shows every type and status; these fill the listing to 10,000 so that
filters, counts and pages are measured at the size of a real ministry's archive.
"""

import random
import uuid
from datetime import timedelta
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from documents.demo import texts
from documents.keys import search_key
from documents.listed import restate
from documents.models import DocumentIndexPage, DocumentRelation, LegalDocumentPage
from documents.status import AMENDS, REPLACES

BATCH = 500


def _last_step(parent: Page) -> int:
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .first()
    )
    return 0 if last is None else Page._str2int(last.path[-Page.steplen :])


def bulk_create_documents(
    index: DocumentIndexPage, count: int, lists: dict[str, dict[str, Any]], seed: int = 14
) -> int:
    """Create `count` live documents under the index (every type, field and status represented)."""
    rng = random.Random(seed + count)
    content_type = ContentType.objects.get_for_model(LegalDocumentPage)
    today = timezone.localdate()
    type_rows = [(slug, symbol) for slug, _vi, _en, symbol in texts.TYPES]
    made = 0
    while made < count:
        size = min(BATCH, count - made)
        with transaction.atomic():
            parent = DocumentIndexPage.objects.get(pk=index.pk)
            step = _last_step(parent)
            pages, documents = [], []
            for i in range(size):
                step += 1
                type_slug, symbol = type_rows[(made + i) % len(type_rows)]
                vi_subject, _en, field_slug = texts.SUBJECTS[rng.randrange(len(texts.SUBJECTS))]
                issued = today - timedelta(days=rng.randrange(1, 365 * 20))
                serial = step + 1000
                number = f"{serial}/{issued.year}/{symbol}" if symbol else ""
                opening = texts.TITLE_OPENING[type_slug][0]
                title = f"{opening} {vi_subject} ({serial})"
                slug = f"{type_slug}-{serial}-{uuid.uuid4().hex[:6]}"
                published = timezone.make_aware(
                    timezone.datetime.combine(issued, timezone.datetime.min.time())
                )
                page = Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    path=Page._get_path(parent.path, parent.depth + 1, step),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    locale_id=parent.locale_id,
                    translation_key=uuid.uuid4(),
                )
                pages.append(page)
                lead = texts.SUMMARY.format(opening=opening, subject=vi_subject)
                expires = None
                if rng.random() < 0.15:
                    expires = issued + timedelta(days=rng.randrange(200, 4000))
                documents.append(
                    {
                        "lead": lead,
                        "number": number,
                        "document_type": lists["type"][type_slug],
                        "issuer": lists["issuer"][texts.ISSUER_OF_TYPE.get(type_slug, "bo")],
                        "field": lists["field"][field_slug],
                        "issued_on": issued,
                        "effective_from": issued + timedelta(days=rng.randrange(0, 60)),
                        "expires_on": expires,
                        "publication_date": published,
                        "number_key": search_key(number),
                        "title_key": search_key(title),
                        "text_key": search_key(number, title, lead),
                        # Written directly, as the rows are: each is a live child of the index.
                        "listed_under_id": parent.pk,
                    }
                )
            Page.objects.bulk_create(pages)
            rows = []
            for page, data in zip(pages, documents, strict=True):
                document = LegalDocumentPage(page_ptr_id=page.pk, full_text=[], **data)
                document.__dict__.update(
                    {f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields}
                )
                rows.append(document)
            LegalDocumentPage._base_manager._insert(
                rows, fields=list(LegalDocumentPage._meta.local_concrete_fields)
            )
            # Some documents amend or replace an older one of the batch: statuses stay mixed.
            relations = [
                DocumentRelation(
                    source_id=rows[i].pk,
                    target_id=rows[i - 1].pk,
                    kind=AMENDS if i % 2 else REPLACES,
                    sort_order=0,
                )
                for i in range(1, len(rows), 9)
            ]
            DocumentRelation.objects.bulk_create(relations)
            restate([relation.target_id for relation in relations])
            DocumentIndexPage.objects.filter(pk=parent.pk).update(numchild=F("numchild") + size)
            get_search_backend().add_bulk(LegalDocumentPage, rows)
        made += size
    from core.caching.invalidation import after_bulk_change

    after_bulk_change()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "ANALYZE wagtailcore_page, documents_legaldocumentpage, documents_documentrelation"
            )
    return made

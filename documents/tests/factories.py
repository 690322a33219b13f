"""Builders for the documents tests: the lists, an index and documents, in a few milliseconds each."""

from datetime import date, timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from documents.demo.files import scanned_pdf, text_pdf
from documents.models import (
    DocumentField,
    DocumentFile,
    DocumentIndexPage,
    DocumentRelation,
    DocumentType,
    IssuingBody,
    LegalDocumentPage,
)


def make_lists() -> dict[str, Any]:
    return {
        "decree": DocumentType.objects.create(name="Nghị định", name_en="Decree", slug="nghi-dinh"),
        "circular": DocumentType.objects.create(
            name="Thông tư", name_en="Circular", slug="thong-tu"
        ),
        "government": IssuingBody.objects.create(
            name="Chính phủ", name_en="Government", slug="chinh-phu"
        ),
        "ministry": IssuingBody.objects.create(name="Bộ", name_en="Ministry", slug="bo"),
        "digital": DocumentField.objects.create(
            name="Chuyển đổi số", name_en="Digital transformation", slug="chuyen-doi-so"
        ),
    }


def make_index(home: Any, slug: str = "van-ban", title: str = "Văn bản") -> DocumentIndexPage:
    index = DocumentIndexPage(title=title, slug=slug)
    home.add_child(instance=index)
    index.save_revision().publish()
    index.refresh_from_db()
    return index


def days(n: int) -> date:
    """A date n days from today (negative: in the past)."""
    return timezone.localdate() + timedelta(days=n)


def make_document(
    index: DocumentIndexPage,
    lists: dict[str, Any],
    number: str = "",
    title: str = "Nghị định về giao dịch điện tử",
    relations: list[tuple[str, LegalDocumentPage]] = (),
    files: list[tuple[str, bytes]] = (),
    live: bool = True,
    **fields: Any,
) -> LegalDocumentPage:
    values = {
        "lead": "Quy định về giao dịch điện tử trong hoạt động của cơ quan nhà nước.",
        "document_type": lists["decree"],
        "issuer": lists["government"],
        "field": lists["digital"],
        "issued_on": days(-400),
        "effective_from": days(-380),
        **fields,
    }
    page = LegalDocumentPage(title=title, number=number, live=live, **values)
    for kind, target in relations:
        page.relations.add(DocumentRelation(kind=kind, target=target))
    for name, data in files:
        page.files.add(DocumentFile(kind="ban-ky-so", file=ContentFile(data, name=name)))
    index.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    return page


def text_pdf_bytes() -> bytes:
    return text_pdf(["Nghi dinh so 15/2020/ND-CP", "Dieu 1. Pham vi dieu chinh cua nghi dinh nay"])


def scanned_pdf_bytes() -> bytes:
    return scanned_pdf()

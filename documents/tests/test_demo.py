"""The demo library: every type and every status, relations both ways, and `--documents N` scaling."""

import pytest

from documents.demo import ensure_documents
from documents.models import (
    DocumentRelation,
    DocumentType,
    LegalDocumentPage,
    PublicInformationPage,
)
from documents.status import STATUS_CHOICES

pytestmark = pytest.mark.django_db


def test_demo_library_has_every_type_and_status_and_scales(homes):
    home_vi, home_en = homes
    index = ensure_documents(home_vi, home_en, count=0, log=lambda message: None)
    documents = list(LegalDocumentPage.objects.live().child_of(index))
    assert len(documents) >= 60
    assert {d.document_type_id for d in documents} == set(
        DocumentType.objects.values_list("pk", flat=True)
    )
    assert {d.status() for d in documents} == {value for value, _label in STATUS_CHOICES}
    kinds = set(DocumentRelation.objects.values_list("kind", flat=True))
    assert kinds == {"thay-the", "sua-doi", "huong-dan"}
    assert any(d.files.exists() for d in documents)
    assert PublicInformationPage.objects.live().filter(locale=home_en.locale).exists()
    english = LegalDocumentPage.objects.live().filter(locale=home_en.locale)
    assert english.count() >= 8 and all(not d.title.startswith(("Luật", "Nghị")) for d in english)

    ensure_documents(home_vi, home_en, count=150, log=lambda message: None)
    assert LegalDocumentPage.objects.live().child_of(index).count() == 150
    # Idempotent: a second run adds nothing.
    ensure_documents(home_vi, home_en, count=150, log=lambda message: None)
    assert LegalDocumentPage.objects.child_of(index).count() == 150

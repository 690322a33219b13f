"""Bad input gets a clear message on the field and nothing half-saved."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from documents.demo.files import docx, encrypted_pdf
from documents.files import validate_document_file
from documents.models import DocumentRelation, LegalDocumentPage
from documents.status import REPLACES

from .factories import days, make_document, scanned_pdf_bytes, text_pdf_bytes

pytestmark = pytest.mark.django_db


def _messages(error: ValidationError) -> str:
    return " ".join(error.messages)


def test_expiry_before_issue_is_refused_on_the_field(index, lists):
    page = LegalDocumentPage(
        title="Văn bản ngày sai",
        lead="Trích yếu",
        document_type=lists["decree"],
        issuer=lists["government"],
        issued_on=days(-10),
        effective_from=days(-5),
        expires_on=days(-20),
    )
    with pytest.raises(ValidationError) as caught:
        index.add_child(instance=page)
    assert "expires_on" in caught.value.message_dict
    assert not LegalDocumentPage.objects.filter(title="Văn bản ngày sai").exists()


def test_duplicate_number_from_the_same_issuer_is_refused(index, lists):
    make_document(index, lists, "15/2020/NĐ-CP")
    twin = LegalDocumentPage(
        title="Bản trùng",
        number="15/2020/ND-CP",  # written without the diacritic: still the same number
        lead="Trích yếu",
        document_type=lists["decree"],
        issuer=lists["government"],
        issued_on=days(-10),
        effective_from=days(-5),
    )
    with pytest.raises(ValidationError) as caught:
        index.add_child(instance=twin)
    assert "đã có văn bản số" in caught.value.message_dict["number"][0]
    # The same number from another issuer is a different document.
    make_document(index, lists, "15/2020/NĐ-CP", issuer=lists["ministry"], title="Khác cơ quan")


def test_a_document_cannot_replace_itself(index, lists):
    page = make_document(index, lists, "1/2024/NĐ-CP")
    relation = DocumentRelation(source=page, target=page, kind=REPLACES)
    with pytest.raises(ValidationError) as caught:
        relation.full_clean()
    assert "chính nó" in _messages(caught.value)


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("van-ban.pdf", docx("x"), "bị đổi tên"),
        ("van-ban.docx", text_pdf_bytes(), "bị đổi tên"),
        ("van-ban.pdf", encrypted_pdf(), "mã hóa"),
        ("van-ban.exe", b"MZ\x90\x00", "Chỉ nhận tệp"),
        ("van-ban.pdf", b"%PDF-1.4\nrac", "Không đọc được"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(name, data, expected):
    with pytest.raises(ValidationError) as caught:
        validate_document_file(SimpleUploadedFile(name, data))
    assert expected in _messages(caught.value)


@override_settings(DOCUMENTS_MAX_FILE_BYTES=1000)
def test_oversized_files_are_refused():
    with pytest.raises(ValidationError) as caught:
        validate_document_file(SimpleUploadedFile("lon.pdf", text_pdf_bytes() + b" " * 2000))
    assert "vượt giới hạn" in _messages(caught.value)


def test_text_and_word_files_pass():
    validate_document_file(SimpleUploadedFile("ban-ky-so.pdf", text_pdf_bytes()))
    validate_document_file(SimpleUploadedFile("ban-word.docx", docx("Điều 1")))


def test_files_record_size_and_text_layer(index, lists):
    page = make_document(
        index,
        lists,
        "2/2024/NĐ-CP",
        files=[("a.pdf", text_pdf_bytes()), ("b.pdf", scanned_pdf_bytes())],
    )
    files = {f.filename: f for f in page.files.all()}
    assert files["a.pdf"].has_text_layer is True and files["a.pdf"].file_size > 0
    assert files["b.pdf"].has_text_layer is False


def test_an_unsaved_document_renders_its_context_for_a_preview(index, lists):
    from documents.views import document_context

    target = make_document(index, lists, "20/2024/NĐ-CP")
    page = LegalDocumentPage(
        title="Bản xem trước",
        lead="Trích yếu",
        document_type=lists["decree"],
        issuer=lists["government"],
        issued_on=days(-3),
        effective_from=days(-1),
    )
    page.relations.add(DocumentRelation(kind=REPLACES, target=target))
    context = document_context(page, preview=True)
    assert [r.target for r in context["outgoing"]] == [target]
    assert context["incoming"] == [] and context["document_status"] == "con-hieu-luc"

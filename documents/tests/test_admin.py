"""The page editor: a scanned PDF may sit in a draft but is refused at publish without the full text."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Page

from documents.groups import LEGAL_DEPARTMENT
from documents.models import LegalDocumentPage
from media_products.tests.admin_forms import add_url, editor_form

from .factories import days, scanned_pdf_bytes, text_pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "quantri", "qt@example.gov.vn", "mat-khau-du-dai-9"
    )
    client.force_login(user)
    return client


def _form(client, index, lists, pdf: bytes, **extra):
    data = editor_form(
        client,
        add_url(LegalDocumentPage, index),
        title="Nghị định thử",
        slug="nghi-dinh-thu",
        number="99/2025/NĐ-CP",
        lead="Trích yếu thử nghiệm",
        document_type=str(lists["decree"].pk),
        issuer=str(lists["government"].pk),
        issued_on=days(-10).isoformat(),
        effective_from=days(-5).isoformat(),
        **{
            "files-TOTAL_FORMS": "1",
            "files-INITIAL_FORMS": "0",
            "files-MIN_NUM_FORMS": "0",
            "files-MAX_NUM_FORMS": "10",
            "files-0-kind": "ban-ky-so",
            "files-0-title": "",
            "files-0-ORDER": "1",
            "files-0-DELETE": "",
            "files-0-id": "",
            "full_text-count": "0",
        },
        **extra,
    )
    data = data.copy()
    return data, {
        "files-0-file": SimpleUploadedFile("ban-quet.pdf", pdf, content_type="application/pdf")
    }


def _post(client, index, data, files, action):
    payload = data.copy()
    if action != "draft":
        payload[f"action-{action}"] = "1"
    payload = {
        key: payload.getlist(key) if len(payload.getlist(key)) > 1 else payload[key]
        for key in payload
    }
    payload.update(files)
    return client.post(add_url(LegalDocumentPage, index), payload)


def test_scanned_pdf_is_refused_at_publish_but_kept_in_a_draft(admin_client, index, lists):
    data, files = _form(admin_client, index, lists, scanned_pdf_bytes())
    response = _post(admin_client, index, data, files, "publish")
    assert response.status_code == 200
    # The stream field's errors reach the page as JSON for the editor's widgets: read the form.
    assert "bản quét, không có lớp chữ" in " ".join(response.context["form"].errors["full_text"])
    assert not LegalDocumentPage.objects.exists()

    data, files = _form(admin_client, index, lists, scanned_pdf_bytes())
    response = _post(admin_client, index, data, files, "draft")
    assert response.status_code == 302
    page = LegalDocumentPage.objects.get()
    assert not page.live


def test_text_pdf_is_published(admin_client, index, lists):
    data, files = _form(admin_client, index, lists, text_pdf_bytes())
    response = _post(admin_client, index, data, files, "publish")
    assert response.status_code == 302, response.content.decode()[:3000]
    page = LegalDocumentPage.objects.get()
    assert page.live and page.files.get().has_text_layer is True


def test_legal_department_can_write_documents_but_not_publish(index, django_user_model):
    user = django_user_model.objects.create_user("phapche", password="mat-khau-du-dai-3")
    user.groups.add(Group.objects.get(name=LEGAL_DEPARTMENT))
    permissions = index.permissions_for_user(user)
    assert permissions.can_add_subpage() and permissions.can_edit()
    assert not permissions.can_publish()
    home = Page.objects.get(pk=index.get_parent().pk)
    assert not home.permissions_for_user(user).can_edit()


def test_scanned_pdf_is_published_when_the_full_text_is_given(admin_client, index, lists):
    from media_products.tests.admin_forms import rich_text, stream

    data, files = _form(admin_client, index, lists, scanned_pdf_bytes())
    data = data.copy()
    del data["full_text-count"]
    for key, value in stream(
        "full_text", [("paragraph", rich_text("<p>Điều 1. Phạm vi điều chỉnh của nghị định.</p>"))]
    ).items():
        data[key] = value
    response = _post(admin_client, index, data, files, "publish")
    assert response.status_code == 302, response.context["form"].errors
    page = LegalDocumentPage.objects.get()
    assert page.live and page.files.get().has_text_layer is False
    assert (
        "Bản quét; nội dung đầy đủ có ở mục Toàn văn."
        in admin_client.get(page.url).content.decode()
    )

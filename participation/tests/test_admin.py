"""The moderation queue: statuses with their rules, personal data for the Hỏi đáp group only, e-mails."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from core.groups import MODERATORS
from participation.models import Question

from .helpers import make_qa_page, publish_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def qa(home):
    return make_qa_page(home)


@pytest.fixture
def question(qa):
    return publish_question(
        qa,
        text="<script>alert('x')</script> Hỏi về chữ ký số",
        status=Question.Status.NEW,
        answer="",
        published_at=None,
        decided_at=None,
    )


def _staff(django_user_model, group_name: str, username: str):
    user = django_user_model.objects.create_user(username, f"{username}@example.gov.vn", "x" * 16)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def hoi_dap(django_user_model):
    return _staff(django_user_model, "Hỏi đáp", "hoidap")


@pytest.fixture
def moderator(django_user_model):
    return _staff(django_user_model, MODERATORS, "kiemduyet")


def edit_url(question) -> str:
    return reverse("participation_questions:edit", args=[question.pk])


def _form(question, **changes) -> dict:
    data = {
        "topic": question.topic,
        "text": question.text,
        "status": question.status,
        "unit": question.unit,
        "answer": _rich(""),
        "rejection_reason": question.rejection_reason,
    }
    data.update(changes)
    return data


def _rich(text: str) -> str:
    import json

    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a",
                    "text": text,
                    "type": "unstyled",
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [],
                }
            ],
            "entityMap": {},
        }
    )


def test_hoi_dap_group_sees_personal_data_escaped_text(client, hoi_dap, question):
    client.force_login(hoi_dap)
    html = client.get(edit_url(question)).content.decode()
    assert "binh@example.vn" in html and "0987 654 321" in html
    assert "<script>alert('x')</script>" not in html


def test_moderators_work_the_queue_without_personal_data(client, moderator, question):
    client.force_login(moderator)
    listing = client.get(reverse("participation_questions:index"))
    assert listing.status_code == 200
    assert question.reference in listing.content.decode()
    html = client.get(edit_url(question)).content.decode()
    assert "Hỏi về chữ ký số" in html
    for private in ("binh@example.vn", "0987 654 321", "Trần Thị Bình"):
        assert private not in html


def test_queue_filters_by_status(client, hoi_dap, qa, question):
    other = publish_question(qa, text="Đã công khai")
    client.force_login(hoi_dap)
    html = client.get(reverse("participation_questions:index"), {"status": "new"}).content.decode()
    assert question.reference in html and other.reference not in html


def test_publishing_needs_an_answer(client, hoi_dap, question):
    client.force_login(hoi_dap)
    response = client.post(edit_url(question), _form(question, status="published"))
    assert response.status_code == 200
    question.refresh_from_db()
    assert question.status == Question.Status.NEW


def test_rejecting_needs_a_reason(client, hoi_dap, question):
    client.force_login(hoi_dap)
    client.post(edit_url(question), _form(question, status="rejected"))
    question.refresh_from_db()
    assert question.status == Question.Status.NEW


def test_publishing_the_answer_emails_the_asker_and_shows_it(
    client, hoi_dap, question, django_capture_on_commit_callbacks
):
    client.force_login(hoi_dap)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            edit_url(question),
            _form(
                question, status="published", unit="Vụ Pháp chế", answer=_rich("Trả lời <b>rõ</b>.")
            ),
        )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == Question.Status.PUBLISHED and question.published_at
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["binh@example.vn"]
    assert f"/hoi-dap/cau-hoi/{question.reference}/" in message.body
    html_part = message.alternatives[0].content
    assert "&lt;script&gt;" in html_part and "<script>" not in html_part
    client.logout()
    public = client.get(f"/hoi-dap/cau-hoi/{question.reference}/").content.decode()
    assert "Trả lời &lt;b&gt;rõ&lt;/b&gt;." in public
    assert "&lt;script&gt;alert" in public


def test_staff_cannot_mark_a_question_withdrawn(client, hoi_dap, question):
    client.force_login(hoi_dap)
    client.post(edit_url(question), _form(question, status="withdrawn"))
    question.refresh_from_db()
    assert question.status == Question.Status.NEW


def test_users_outside_the_queue_groups_are_refused(client, django_user_model, question):
    from core.groups import EDITORS

    editor = _staff(django_user_model, EDITORS, "bientap")
    client.force_login(editor)
    assert client.get(edit_url(question)).status_code in (302, 403)

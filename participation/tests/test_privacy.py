"""Withdrawal by the link in the acknowledgement, and the purge after the retention period."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from participation.emails import withdrawal_url
from participation.models import DraftComment, Question
from participation.privacy import withdrawal_token

from .helpers import make_draft, make_qa_page, publish_question, question_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def qa(home):
    return make_qa_page(home)


@pytest.fixture
def waiting(qa):
    return publish_question(
        qa, status=Question.Status.NEW, answer="", published_at=None, decided_at=None
    )


def test_the_link_in_the_acknowledgement_withdraws_after_confirmation(
    client, qa, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("participation:ask", args=[qa.pk]), question_data())
    question = Question.objects.get()
    link = withdrawal_url(question)
    assert link in mail.outbox[0].body
    assert link.startswith("http://localhost/participation/withdraw/")  # the public site's address
    path = urlsplit(link).path
    confirm = client.get(path)
    assert confirm.status_code == 200 and "no-store" in confirm["Cache-Control"]
    question.refresh_from_db()
    assert (
        question.status == Question.Status.NEW
    )  # a mail scanner following the link withdraws nothing
    done = client.post(path)
    assert "Đã rút nội dung" in done.content.decode()
    question.refresh_from_db()
    assert question.status == Question.Status.WITHDRAWN
    assert (question.name, question.email, question.phone) == ("", "", "")
    assert question.purged_at is not None


def test_an_answered_question_cannot_be_withdrawn(client, qa):
    question = publish_question(qa)
    path = reverse("participation:withdraw", args=[withdrawal_token(question)])
    response = client.post(path)
    assert "không thể rút" in response.content.decode()
    question.refresh_from_db()
    assert question.status == Question.Status.PUBLISHED


def test_a_tampered_link_is_404_with_an_explanation(client, waiting):
    token = withdrawal_token(waiting)[:-2] + "xx"
    response = client.get(reverse("participation:withdraw", args=[token]))
    assert response.status_code == 404
    assert "không đúng" in response.content.decode()


def test_purge_erases_personal_data_after_the_retention_period(qa, home, settings):
    settings.PARTICIPATION = {"RETENTION_DAYS": 30}
    old = publish_question(qa, decided_at=timezone.now() - timedelta(days=31))
    recent = publish_question(qa, decided_at=timezone.now() - timedelta(days=29))
    unanswered = publish_question(qa, status=Question.Status.NEW, decided_at=None)
    draft = make_draft(home, opens_in_days=-90, closes_in_days=-31)
    comment = DraftComment.objects.create(
        consultation=draft,
        text="Ý kiến",
        name="Mai Anh",
        email="m@example.vn",
        consented_at=timezone.now(),
    )
    call_command("participation_purge")
    for row in (old, recent, unanswered, comment):
        row.refresh_from_db()
    assert (old.name, old.email, old.phone) == ("", "", "") and old.public_initials == "T.T.B."
    assert recent.email == "binh@example.vn"
    assert unanswered.email == "binh@example.vn"
    assert comment.email == "" and comment.purged_at is not None


def test_a_purged_question_is_still_published_with_its_initials(client, qa):
    question = publish_question(qa)
    question.erase_personal_data()
    question.save()
    assert "T.T.B." in client.get("/hoi-dap/").content.decode()

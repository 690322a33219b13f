"""A reader asks, gets a reference and an e-mail; bad input gets a message; nothing personal is public."""

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from participation.models import Question

from .helpers import make_qa_page, publish_question, question_data, started

pytestmark = pytest.mark.django_db


@pytest.fixture
def qa(home):
    return make_qa_page(home)


def ask_url(qa) -> str:
    return reverse("participation:ask", args=[qa.pk])


def test_form_page_is_cached_for_everyone_and_sets_no_cookie(client, qa):
    first = client.get("/hoi-dap/gui-cau-hoi/")
    assert first.status_code == 200
    assert not first.cookies
    assert "csrfmiddlewaretoken" not in first.content.decode()
    client.get("/hoi-dap/gui-cau-hoi/")  # the first visits also build the site's cache tokens
    second = client.get("/hoi-dap/gui-cau-hoi/")
    assert second["X-Page-Cache"] == "hit"
    html = second.content.decode()
    assert f'action="{ask_url(qa)}"' in html
    assert 'href="/bao-ve-du-lieu/"' in html  # the privacy notice from the consent sentence


def test_question_is_received_with_a_reference_and_an_acknowledgement(
    client, qa, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ask_url(qa), question_data())
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    question = Question.objects.get()
    assert question.status == Question.Status.NEW
    assert question.public_initials == "N.V.A."
    assert question.reference in response.content.decode()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["an.nguyen@example.vn"]
    assert question.reference in message.subject
    assert "/participation/withdraw/" in message.body


def test_question_is_not_public_until_published(client, qa):
    client.post(ask_url(qa), question_data(text="Câu hỏi chưa trả lời"))
    assert "Câu hỏi chưa trả lời" not in client.get("/hoi-dap/").content.decode()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": "", "email": "", "text": ""}, "Hãy nhập họ và tên."),
        ({"email": "khong-phai-email"}, "Địa chỉ thư điện tử chưa đúng"),
        ({"text": "x" * 100_000}, "Nội dung dài tối đa 5000 ký tự"),
        ({"consent": None}, "Hãy đánh dấu đồng ý"),
        ({"topic": "khong-co"}, "Hãy chọn một lĩnh vực trong danh sách."),
        ({"phone": "abc"}, "Số điện thoại chỉ gồm chữ số"),
        ({"text": "xem http://a.example http://b.example http://c.example"}, "quá nhiều đường dẫn"),
    ],
)
def test_bad_input_gets_the_form_back_with_an_error_summary(client, qa, overrides, message):
    response = client.post(ask_url(qa), question_data(**overrides))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert message in html
    assert "<title>Lỗi:" in html
    assert not Question.objects.exists()


def test_the_readers_text_comes_back_escaped_on_error(client, qa):
    response = client.post(
        ask_url(qa), question_data(text="<script>alert(1)</script>", consent=None)
    )
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_honeypot_gets_the_received_page_and_stores_nothing(client, qa):
    response = client.post(ask_url(qa), question_data(website="http://spam.example"))
    assert response.status_code == 200
    assert not Question.objects.exists()
    assert not mail.outbox
    assert "Mã tra cứu" not in response.content.decode()


def test_a_form_posted_at_once_is_treated_as_a_bot(client, qa):
    client.post(ask_url(qa), question_data(started=started(seconds_ago=0)))
    assert not Question.objects.exists()


def test_a_forged_timestamp_is_treated_as_a_bot(client, qa):
    client.post(ask_url(qa), question_data(started="123"))
    assert not Question.objects.exists()


def test_a_post_from_another_site_is_refused(client, qa):
    response = client.post(ask_url(qa), question_data(), HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert not Question.objects.exists()


def test_a_post_from_our_own_page_is_accepted(client, qa):
    response = client.post(
        ask_url(qa),
        question_data(),
        HTTP_ORIGIN="http://testserver",
        HTTP_REFERER="http://testserver/hoi-dap/",
    )
    assert response.status_code == 200
    assert Question.objects.count() == 1


def test_get_on_the_endpoint_is_not_allowed(client, qa):
    assert client.get(ask_url(qa)).status_code == 405


def test_unknown_page_is_404(client, qa):
    assert (
        client.post(reverse("participation:ask", args=[999999]), question_data()).status_code == 404
    )


@override_settings(PORTAL_RATELIMIT_ENABLED=True, PORTAL_RATELIMITS={"participation": "2/h"})
def test_questions_are_rate_limited_per_client(client, qa):
    codes = [client.post(ask_url(qa), question_data()).status_code for _ in range(3)]
    assert codes == [200, 200, 429]


def test_published_question_shows_initials_only(client, qa):
    publish_question(qa, text="Hỏi về <b>chữ ký số</b>")
    html = client.get("/hoi-dap/").content.decode()
    assert "T.T.B." in html
    assert "&lt;b&gt;chữ ký số&lt;/b&gt;" in html
    for private in ("Trần Thị Bình", "binh@example.vn", "0987 654 321"):
        assert private not in html
    question = Question.objects.get()
    detail = client.get(f"/hoi-dap/cau-hoi/{question.reference}/")
    assert detail.status_code == 200
    detail_html = detail.content.decode()
    assert "Câu trả lời của Bộ." in detail_html
    assert "binh@example.vn" not in detail_html


def test_unpublished_question_has_no_public_address(client, qa):
    question = publish_question(qa, status=Question.Status.ANSWERED)
    assert client.get(f"/hoi-dap/cau-hoi/{question.reference}/").status_code == 404


def test_list_is_searchable_and_filterable_by_topic(client, qa):
    publish_question(qa, text="Đăng ký chữ ký số thế nào?", topic="chuyen-doi-so")
    publish_question(qa, text="Chuyển mạng giữ số thế nào?", topic="buu-chinh-vien-thong")
    by_topic = client.get("/hoi-dap/", {"topic": "buu-chinh-vien-thong"}).content.decode()
    assert "Chuyển mạng giữ số" in by_topic and "Đăng ký chữ ký số" not in by_topic
    by_words = client.get("/hoi-dap/", {"q": "chữ ký số"}).content.decode()
    assert "Đăng ký chữ ký số" in by_words and "Chuyển mạng giữ số" not in by_words
    bad = client.get("/hoi-dap/", {"topic": "khong-co"})
    assert bad.status_code == 400
    assert "Hãy chọn một lĩnh vực trong danh sách." in bad.content.decode()


def _queries(client, url: str, params: dict) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    return len(captured)


def test_list_and_answer_cost_the_same_queries_at_two_scales(client, qa, settings):
    settings.PORTAL_PAGE_CACHE = False  # every visit rendered, so its queries are counted
    first = publish_question(qa, text="Câu hỏi số đầu")
    client.get("/hoi-dap/")  # the skeleton snapshot and cache tokens
    detail = f"/hoi-dap/cau-hoi/{first.reference}/"
    small = (_queries(client, "/hoi-dap/", {}), _queries(client, detail, {}))
    for number in range(40):
        publish_question(qa, text=f"Câu hỏi số {number}")
    large = (_queries(client, "/hoi-dap/", {}), _queries(client, detail, {}))
    assert small == large
    assert large[0] <= 6 and large[1] <= 6


def test_english_form_speaks_english(client, qa, homes):
    english = qa.copy_for_translation(homes[1].locale)
    english.slug = "questions"
    english.save_revision().publish()
    response = client.get("/en/questions/gui-cau-hoi/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/en/participation/question/" in html
    assert "Ask a question" in html and "About you (not published)" in html
    error = client.post(f"/en/participation/question/{english.pk}/", question_data(email="nope"))
    assert "Enter an email address in the right format" in error.content.decode()

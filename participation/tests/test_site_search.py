"""Published answers are found by site search, ranked with pages, and leave it when no longer public."""

import pytest
from django.core.management import call_command

from participation.models import Question
from participation.privacy import withdraw
from sitewide.search.models import SearchEntry
from testsupport import make_article

from .helpers import make_qa_page, publish_question

pytestmark = pytest.mark.django_db

QUESTION = "Hộ kinh doanh đăng ký chữ ký số ở đâu? Tôi ở Đà Nẵng."
ANSWER = "<p>Hộ kinh doanh đăng ký chữ ký số tại tổ chức cung cấp dịch vụ chứng thực.</p>"


@pytest.fixture
def qa(home):
    return make_qa_page(home)


@pytest.fixture
def answer(qa):
    return publish_question(qa, text=QUESTION, answer=ANSWER)


def results(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return response, list(response.context["results"].object_list)


def test_a_published_answer_is_found_with_its_type_date_and_address(client, answer):
    response, found = results(client, "chữ ký số hộ kinh doanh")
    assert [item.title for item in found] == ["Hộ kinh doanh đăng ký chữ ký số ở đâu?"]
    html = response.content.decode()
    assert f'href="/hoi-dap/cau-hoi/{answer.reference}/"' in html
    assert "Hỏi đáp</span>" in html
    assert answer.published_at.strftime("%d/%m/%Y") in html
    assert client.get(f"/hoi-dap/cau-hoi/{answer.reference}/").status_code == 200


def test_the_answers_words_find_it_too(client, answer):
    _response, found = results(client, "tổ chức cung cấp dịch vụ chứng thực")
    assert [item.pk for item in found] == [answer.pk]


def test_the_asker_appears_nowhere_in_the_index_or_the_results(client, answer):
    entry = SearchEntry.objects.get(object_id=answer.pk, page_id=answer.index_page_id)
    stored = f"{entry.title} {entry.lead} {entry.body}".lower()
    html = results(client, "chữ ký số")[0].content.decode()
    for personal in ("Trần Thị Bình", "binh@example.vn", "0987 654 321"):
        assert personal.lower() not in stored
        assert personal not in html


def test_answers_rank_with_pages(client, answer, news_section):
    make_article(news_section, "Chữ ký số cho doanh nghiệp", slug="chu-ky-so")
    _response, found = results(client, "chữ ký số")
    assert {item.title for item in found} == {
        "Chữ ký số cho doanh nghiệp",
        "Hộ kinh doanh đăng ký chữ ký số ở đâu?",
    }


@pytest.mark.parametrize("status", [Question.Status.ANSWERED, Question.Status.REJECTED])
def test_an_answer_leaves_search_when_unpublished_or_rejected(client, answer, status):
    answer.status = status
    answer.rejection_reason = "Trùng lặp."
    answer.save()
    assert results(client, "chữ ký số")[1] == []


def test_a_withdrawn_or_deleted_question_leaves_search(client, qa, answer):
    waiting = publish_question(qa, text="Chữ ký số có mất phí không?", status=Question.Status.NEW)
    assert [item.pk for item in results(client, "chữ ký số")[1]] == [answer.pk]
    assert withdraw(waiting)
    answer.delete()
    assert results(client, "chữ ký số")[1] == []
    assert not SearchEntry.objects.exists()


def test_the_type_filter_offers_answers_and_other_filters_still_apply(client, answer, news_section):
    make_article(news_section, "Chữ ký số cho doanh nghiệp", slug="chu-ky-so")
    response, found = results(client, "chữ ký số", type="hoi-dap")
    assert [item.pk for item in found] == [answer.pk]
    assert '<option value="hoi-dap" selected>Hỏi đáp</option>' in response.content.decode()
    _response, found = results(client, "chữ ký số", type="articlepage")
    assert [item.title for item in found] == ["Chữ ký số cho doanh nghiệp"]
    _response, found = results(client, "chữ ký số", section=news_section.pk)
    assert [item.title for item in found] == ["Chữ ký số cho doanh nghiệp"]
    _response, found = results(client, "chữ ký số", lang="en")
    assert found == []
    _response, found = results(client, "chữ ký số", type="hoi-dap", date_from="2000-01-01")
    assert [item.pk for item in found] == [answer.pk]
    _response, found = results(client, "chữ ký số", type="hoi-dap", date_to="2000-01-01")
    assert found == []


def test_an_unpublished_questions_page_hides_its_answers(client, qa, answer):
    qa.unpublish()
    assert results(client, "chữ ký số")[1] == []
    qa.save_revision().publish()
    assert [item.pk for item in results(client, "chữ ký số")[1]] == [answer.pk]


def test_rebuilding_the_index_covers_answers(client, qa, answer):
    hidden = publish_question(qa, text="Chữ ký số?", status=Question.Status.ANSWERED)
    SearchEntry.objects.all().delete()
    call_command("rebuild_search_index", verbosity=0)
    assert set(SearchEntry.objects.values_list("object_id", flat=True)) >= {answer.pk}
    assert not SearchEntry.objects.filter(object_id=hidden.pk, page_id=qa.pk).exists()
    assert [item.pk for item in results(client, "chữ ký số")[1]] == [answer.pk]


def test_an_english_answer_is_found_in_english_with_its_type_in_english(client, qa, homes):
    english = qa.copy_for_translation(homes[1].locale)
    english.slug = "questions"
    english.save_revision().publish()
    answer = publish_question(
        english, text="Where do households register a digital signature?", answer=ANSWER
    )
    response = client.get("/en/search/", {"q": "digital signature"})
    assert [item.pk for item in response.context["results"].object_list] == [answer.pk]
    html = response.content.decode()
    assert "Question and answer</span>" in html
    assert f'href="/en/questions/cau-hoi/{answer.reference}/"' in html

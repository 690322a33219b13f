"""The public listing: filters without JavaScript, forgiving number search, notices, feeds."""

import pytest

from documents.keys import search_key, words

from .factories import days, make_document

pytestmark = pytest.mark.django_db


def test_number_words_ignore_case_order_separators_and_diacritics():
    assert words("15/2020/NĐ-CP") == ["15", "2020", "nd", "cp"]
    assert set(words("nđ-cp 15")) <= set(words("15/2020/NĐ-CP"))
    assert search_key("Thông tư") == " thong tu "


@pytest.fixture
def documents(index, lists):
    return {
        "decree": make_document(
            index, lists, "15/2020/NĐ-CP", title="Nghị định xử phạt vi phạm hành chính"
        ),
        "other_decree": make_document(
            index, lists, "150/2020/NĐ-CP", title="Nghị định về bưu chính"
        ),
        "circular": make_document(
            index,
            lists,
            "02/2021/TT-BTTTT",
            title="Thông tư hướng dẫn chuyển đổi số",
            document_type=lists["circular"],
            issuer=lists["ministry"],
            issued_on=days(-800),
            effective_from=days(-790),
        ),
    }


def _titles(response) -> list[str]:
    return [doc.title for doc in response.context["documents"].object_list]


@pytest.mark.parametrize("query", ["15/2020/ND-CP", "15 2020", "nđ-cp 15", "15/2020/nđ-cp"])
def test_number_search_is_forgiving(client, index, documents, query):
    response = client.get(index.url, {"q": query})
    assert response.status_code == 200
    assert _titles(response)[0] == documents["decree"].title
    # "15" is a whole word: 150/2020 does not match "15 2020".
    assert documents["other_decree"].title not in _titles(response)


def test_free_text_matches_without_diacritics(client, index, documents):
    assert _titles(client.get(index.url, {"q": "chuyen doi so"})) == [documents["circular"].title]


def test_filters_combine_and_the_count_is_announced(client, index, documents, lists):
    response = client.get(index.url, {"type": "thong-tu", "issuer": "bo"})
    assert _titles(response) == [documents["circular"].title]
    assert '<h2 id="documents-heading">1 văn bản</h2>' in response.content.decode()
    year = days(-800).year
    assert documents["circular"].title in _titles(client.get(index.url, {"year": str(year)}))
    assert _titles(client.get(index.url, {"type": "nghi-dinh", "status": "het-hieu-luc"})) == []


def test_unknown_filter_values_answer_the_whole_listing_with_a_notice(client, index, documents):
    for params in ({"type": "khong-co"}, {"year": "abc"}, {"status": "<script>"}, {"page": "999"}):
        response = client.get(index.url, params)
        assert response.status_code == 200, params
        assert len(_titles(response)) == 3, params
    body = client.get(index.url, {"type": "khong-co"}).content.decode()
    assert "Không hiểu giá trị lọc ở: Loại văn bản" in body
    assert "<script>" not in client.get(index.url, {"status": "<script>"}).content.decode()


def test_listing_is_newest_first_without_a_query(client, index, documents):
    titles = _titles(client.get(index.url))
    assert titles[-1] == documents["circular"].title


def test_each_filter_combination_has_its_feed(client, index, documents):
    page = client.get(index.url, {"type": "thong-tu"}).content.decode()
    assert 'href="/van-ban/rss/?type=thong-tu"' in page
    feed = client.get(f"{index.url}rss/", {"type": "thong-tu"})
    assert feed.status_code == 200 and feed["Content-Type"].startswith("application/rss+xml")
    text = feed.content.decode()
    assert "02/2021/TT-BTTTT" in text and "15/2020/NĐ-CP" not in text
    assert client.get(f"{index.url}rss/", {"type": "khong-co"}).status_code == 200


def test_english_listing_speaks_english(client, homes, lists):
    from django.utils import translation

    from .factories import make_index

    index_en = make_index(homes[1], slug="documents", title="Documents")
    with translation.override("en"):
        response = client.get("/en/documents/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'lang="en"' in body and "Documents" in body
    assert index_en.url == "/en/documents/"

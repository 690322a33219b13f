"""Documents elsewhere on the portal: site search, sitemap, articles, analytics sections, demo."""

import pytest
from django.test import override_settings

from documents.models import ArticleDocumentLink
from seo.testing import sitemap_locations
from testsupport import make_article

from .factories import make_document

pytestmark = pytest.mark.django_db


def test_site_search_finds_documents_by_number_and_title(client, index, lists):
    make_document(index, lists, "15/2020/NĐ-CP", title="Nghị định về xử phạt vi phạm hành chính")
    response = client.get("/search/", {"q": "xử phạt"})
    assert response.status_code == 200
    titles = [page.title for page in response.context["results"].object_list]
    assert "Nghị định về xử phạt vi phạm hành chính" in titles


@override_settings(PORTAL_PAGE_CACHE=False)
def test_sitemap_lists_live_documents_and_the_index(client, index, lists):
    document = make_document(index, lists, "3/2024/NĐ-CP")
    draft = make_document(index, lists, "4/2024/NĐ-CP", title="Bản nháp", live=False)
    body = "\n".join(sitemap_locations(client))
    assert document.url in body and index.url in body
    assert draft.slug not in body


def test_article_shows_the_documents_an_editor_linked(client, news_section, index, lists):
    document = make_document(index, lists, "7/2024/NĐ-CP", title="Nghị định được trích dẫn")
    article = make_article(news_section, "Bài viết về nghị định")
    article.document_links.add(ArticleDocumentLink(document=document))
    article.save_revision().publish()
    body = client.get(article.url).content.decode()
    assert "Văn bản liên quan" in body and "7/2024/NĐ-CP: Nghị định được trích dẫn" in body
    assert "Bài viết về nghị định" in client.get(document.url).content.decode()


def test_the_documents_index_is_a_section_in_the_visits_report(index):
    from analytics.sections import report_sections

    assert index.pk in [section.page_id for section in report_sections()]

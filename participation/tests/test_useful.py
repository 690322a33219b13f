""" "Was this page useful?": on every article, stored without identifier, counted in the visit report."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from analytics.exports import to_csv
from analytics.report import Period, section_rows
from participation.models import UsefulVote
from testsupport import make_article

from .helpers import started

pytestmark = pytest.mark.django_db


def vote(client, page, useful: str = "yes", comment: str = "", **extra):
    data = {
        "useful-useful": useful,
        "useful-comment": comment,
        "useful-website": "",
        "useful-started": started(),
    }
    return client.post(reverse("participation:useful", args=[page.pk]), data, **extra)


@pytest.fixture
def article(news_section):
    return make_article(news_section, "Bài viết để đánh giá")


def test_article_has_the_form_without_token_and_stays_cacheable(client, article):
    html = client.get(article.url).content.decode()
    assert f'action="{reverse("participation:useful", args=[article.pk])}"' in html
    assert "csrfmiddlewaretoken" not in html
    client.get(article.url)
    assert client.get(article.url)["X-Page-Cache"] == "hit"


def test_print_view_has_no_form(client, article):
    assert "participation/useful" not in client.get(article.url, {"print": "1"}).content.decode()


def test_a_vote_is_stored_with_page_day_and_answer_only(client, article):
    response = vote(client, article, "no", "Thiếu số liệu.", HTTP_USER_AGENT="Mozilla/5.0 test")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    stored = UsefulVote.objects.get()
    assert (stored.page_id, stored.useful, stored.comment) == (article.pk, False, "Thiếu số liệu.")
    assert {f.name for f in UsefulVote._meta.get_fields()} == {
        "id",
        "page",
        "day",
        "useful",
        "comment",
        "handled",
    }


def test_a_vote_without_a_choice_gets_a_message(client, article):
    response = vote(client, article, useful="")
    assert response.status_code == 400
    assert "Hãy chọn Có hoặc Không." in response.content.decode()
    assert not UsefulVote.objects.exists()


def test_a_long_comment_is_refused(client, article):
    response = vote(client, article, comment="x" * 100_000)
    assert response.status_code == 400
    assert not UsefulVote.objects.exists()


def test_a_vote_on_an_unpublished_page_is_404(client, news_section):
    draft = make_article(news_section, "Bản nháp", publish=False)
    assert vote(client, draft).status_code == 404


def test_cross_site_votes_are_refused(client, article):
    assert vote(client, article, HTTP_ORIGIN="https://elsewhere.example").status_code == 403


def test_share_per_section_reaches_the_report_and_the_csv(client, article, news_section):
    for answer in ("yes", "yes", "yes", "no"):
        vote(client, article, answer)
    rows = section_rows(Period.month(date.today()))
    row = next(r for r in rows if r.section.page_id == news_section.pk)
    assert (row.useful.yes, row.useful.total, row.useful.percent) == (3, 4, 75.0)
    table = list(csv.DictReader(io.StringIO(to_csv(rows))))
    line = next(r for r in table if r["section_title"] == news_section.title)
    assert (line["useful_votes"], line["useful_pct"]) == ("4", "75.0")


def test_share_appears_in_the_report_page_and_the_side_panel(client, article, django_user_model):
    vote(client, article, "yes")
    admin = django_user_model.objects.create_superuser("quantri", "q@example.gov.vn", "x" * 16)
    client.force_login(admin)
    report = client.get(reverse("analytics_report")).content.decode()
    assert "Đánh giá “hữu ích”" in report and "100,0% hữu ích (1/1 lượt)" in report
    panel = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert "100,0% hữu ích (1/1 lượt)" in panel


def test_comments_go_to_the_editors_of_that_page(client, article, home, django_user_model):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    from testsupport import make_section

    elsewhere = make_article(make_section(home, "Chuyên mục khác"), "Bài khác")
    vote(client, article, "no", "Góp ý cho bài này")
    vote(client, elsewhere, "no", "Góp ý cho bài khác")
    group = Group.objects.create(name="Biên tập chuyên mục")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_usefulvote"),
        Permission.objects.get(codename="change_usefulvote"),
    )
    GroupPagePermission.objects.create(
        group=group,
        page=article.get_parent(),
        permission=Permission.objects.get(codename="change_page"),
    )
    editor = django_user_model.objects.create_user("bt", "bt@example.gov.vn", "x" * 16)
    editor.groups.add(group)
    client.force_login(editor)
    html = client.get(reverse("participation_feedback:index")).content.decode()
    assert "Góp ý cho bài này" in html and "Góp ý cho bài khác" not in html
    other = UsefulVote.objects.get(comment="Góp ý cho bài khác")
    assert client.get(reverse("participation_feedback:edit", args=[other.pk])).status_code == 404


def test_a_legal_document_page_asks_whether_it_was_useful(client, home):
    from documents.tests.factories import make_document, make_index, make_lists

    document = make_document(make_index(home), make_lists(), number="5/2026/TT-BTT")
    html = client.get(document.url).content.decode()
    assert f'action="{reverse("participation:useful", args=[document.pk])}"' in html
    assert vote(client, document).status_code == 200

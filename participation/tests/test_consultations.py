"""Comments on drafts: only while open, moderated before they show, a summary after closing."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from participation.models import DraftComment

from .helpers import make_draft, started

pytestmark = pytest.mark.django_db


def comment_data(**overrides):
    data = {
        "name": "Lý Thị Hoa",
        "email": "hoa@example.vn",
        "phone": "",
        "article": "2",
        "text": "Đề nghị làm rõ đối tượng áp dụng.",
        "consent": "on",
        "website": "",
        "started": started(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_open_draft_shows_numbered_articles_and_the_form(client, home):
    draft = make_draft(home)
    html = client.get(draft.url).content.decode()
    assert "Điều 2. Đối tượng" in html
    assert f'action="{reverse("participation:comment", args=[draft.pk])}"' in html
    assert '<option value="2">Điều 2. Đối tượng</option>' in html


def test_comment_on_an_article_waits_for_moderation(
    client, home, django_capture_on_commit_callbacks
):
    draft = make_draft(home)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("participation:comment", args=[draft.pk]), comment_data())
    assert response.status_code == 200
    comment = DraftComment.objects.get()
    assert comment.article_number == 2 and comment.status == DraftComment.Status.NEW
    assert comment.reference in response.content.decode()
    assert "Đề nghị làm rõ" not in client.get(draft.url).content.decode()


def test_published_comment_shows_with_initials_only(client, home):
    draft = make_draft(home)
    client.post(
        reverse("participation:comment", args=[draft.pk]), comment_data(text="<i>Sửa</i> Điều 2")
    )
    DraftComment.objects.update(status=DraftComment.Status.PUBLISHED)
    html = client.get(draft.url).content.decode()
    assert "&lt;i&gt;Sửa&lt;/i&gt; Điều 2" in html
    assert "L.T.H." in html
    assert "Lý Thị Hoa" not in html and "hoa@example.vn" not in html


def test_an_article_that_does_not_exist_is_refused(client, home):
    draft = make_draft(home)
    response = client.post(
        reverse("participation:comment", args=[draft.pk]), comment_data(article="9")
    )
    assert response.status_code == 400
    assert "Hãy chọn một điều có trong dự thảo" in response.content.decode()
    assert not DraftComment.objects.exists()


def test_closed_draft_has_no_form_says_so_and_shows_its_summary(client, home):
    draft = make_draft(
        home,
        opens_in_days=-60,
        closes_in_days=-1,
        summary_report="<p>Đã tiếp thu ý kiến về Điều 1.</p>",
    )
    html = client.get(draft.url).content.decode()
    assert "participation/comment/" not in html
    assert "Đã hết hạn nhận góp ý" in html
    assert "Báo cáo tiếp thu, giải trình" in html and "Đã tiếp thu ý kiến về Điều 1." in html


def test_closed_draft_without_summary_says_it_is_coming(client, home):
    draft = make_draft(home, opens_in_days=-60, closes_in_days=-1)
    assert "đang tổng hợp" in client.get(draft.url).content.decode()


def test_a_comment_after_closing_gets_a_clear_message_and_is_not_saved(client, home):
    draft = make_draft(home, opens_in_days=-60, closes_in_days=-1)
    response = client.post(reverse("participation:comment", args=[draft.pk]), comment_data())
    assert response.status_code == 400
    assert "dự thảo này đã hết hạn lấy ý kiến" in response.content.decode()
    assert not DraftComment.objects.exists()


def test_a_draft_not_yet_open_refuses_comments(client, home):
    draft = make_draft(home, opens_in_days=2, closes_in_days=30)
    assert "bắt đầu nhận góp ý từ" in client.get(draft.url).content.decode()
    response = client.post(reverse("participation:comment", args=[draft.pk]), comment_data())
    assert response.status_code == 400 and not DraftComment.objects.exists()


def test_closing_before_opening_is_refused_in_the_editor(home):
    from django.core.exceptions import ValidationError

    draft = make_draft(home)
    draft.closes_at = draft.opens_at
    with pytest.raises(ValidationError):
        draft.full_clean()


def test_consultation_index_lists_open_then_closed(client, home):
    make_draft(home, title="Dự thảo đang mở", slug="dang-mo")
    make_draft(home, opens_in_days=-60, closes_in_days=-1, title="Dự thảo đã đóng", slug="da-dong")
    html = client.get("/lay-y-kien/").content.decode()
    assert html.index("Dự thảo đang mở") < html.index("Dự thảo đã đóng")


def test_draft_page_costs_the_same_queries_at_two_scales(client, home, settings):
    settings.PORTAL_PAGE_CACHE = False  # every visit rendered, so its queries are counted
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    draft = make_draft(home)

    def add(count: int) -> None:
        for number in range(count):
            DraftComment.objects.create(
                consultation=draft,
                text=f"Ý kiến {number}",
                name="A B",
                email="a@example.vn",
                consented_at=draft.opens_at,
                status=DraftComment.Status.PUBLISHED,
            )

    def count(marker: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(draft.url).status_code == 200, marker
        return len(captured)

    add(2)
    client.get(draft.url)
    small = count("small")
    add(30)
    assert count("large") == small <= 8


def _cache_control(response) -> dict[str, str]:
    parts = (part.strip().partition("=") for part in response["Cache-Control"].split(","))
    return {name: value for name, _sep, value in parts}


def test_an_open_draft_is_kept_in_caches_only_until_it_closes(client, home, settings):
    settings.PORTAL_PAGE_CACHE = True
    draft = make_draft(home, closes_in_days=120 / 86400)  # closes in two minutes
    directives = _cache_control(client.get(draft.url))
    assert "public" in directives
    assert 0 < int(directives["s-maxage"]) <= 120 and int(directives["max-age"]) <= 120


def test_a_draft_that_closes_while_cached_loses_its_form_at_once(client, home, settings):
    settings.PORTAL_PAGE_CACHE = True
    draft = make_draft(home, closes_in_days=60 / 86400)  # closes in a minute
    assert "participation/comment/" in client.get(draft.url).content.decode()
    client.get(draft.url)  # the first visit made the site's settings row, which purged the page
    assert client.get(draft.url)["X-Page-Cache"] == "hit"
    with time_machine.travel(draft.closes_at + timedelta(seconds=1)):
        response = client.get(draft.url)
        html = response.content.decode()
    assert response["X-Page-Cache"] != "hit"
    assert "participation/comment/" not in html and "Đã hết hạn nhận góp ý" in html


def test_the_consultation_index_is_kept_only_until_a_draft_opens_or_closes(client, home, settings):
    settings.PORTAL_PAGE_CACHE = True
    make_draft(home, title="Dự thảo đang mở", slug="dang-mo", closes_in_days=30)
    make_draft(home, title="Dự thảo sắp mở", slug="sap-mo", opens_in_days=90 / 86400)
    response = client.get("/lay-y-kien/")
    assert "Dự thảo sắp mở" not in response.content.decode()
    assert 0 < int(_cache_control(response)["s-maxage"]) <= 90

"""The dashboard serves each role, the help link opens the portal's own guide."""

import json
import re
from datetime import timedelta

from django.contrib.auth.models import Group, User
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.editors.guide import GUIDE, markdown_to_html
from core.groups import COMMUNICATIONS, EDITORS, MODERATORS
from testsupport import make_article, make_section, make_site

PASSWORD = "mat-khau-dai-123456"


def _user(name: str, group: str) -> User:
    user = User.objects.create_user(name, f"{name}@example.gov.vn", PASSWORD)
    user.groups.add(Group.objects.get(name=group))
    return user


def _sidebar(html: str) -> dict:
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    return json.loads(props.group(1))


class DashboardTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        home, _ = make_site()
        cls.section = make_section(home, "Chuyển đổi số", slug="chuyen-doi-so")
        cls.editor = _user("bientap", EDITORS)
        cls.moderator = _user("kiemduyet", MODERATORS)
        cls.communications = _user("truyenthong", COMMUNICATIONS)
        cls.published = make_article(cls.section, "Đà Nẵng đồng hành cùng chuyển đổi số")
        cls.draft = make_article(cls.section, "Bản nháp kế hoạch tập huấn", publish=False)
        cls.draft.owner = cls.editor
        cls.draft.save_revision(user=cls.editor)
        cls.scheduled = make_article(cls.section, "Hội thảo hỗ trợ tiếp cận", publish=False)
        revision = cls.scheduled.save_revision(user=cls.moderator)
        cls.scheduled.go_live_at = timezone.now() + timedelta(days=2)
        revision.content["go_live_at"] = cls.scheduled.go_live_at.isoformat()
        revision.save()
        revision.publish(user=cls.moderator)

    def dashboard(self, user: User) -> str:
        self.client.force_login(user)
        response = self.client.get("/admin/")
        assert response.status_code == 200
        return response.content.decode()

    def test_an_editor_sees_the_guide_their_drafts_and_what_is_scheduled_and_published(self):
        html = self.dashboard(self.editor)
        assert 'href="/admin/huong-dan/"' in html
        assert "Bản nháp của tôi" in html and "Bản nháp kế hoạch tập huấn" in html
        assert "Đã hẹn giờ xuất bản" in html and "Hội thảo hỗ trợ tiếp cận" in html
        assert "Mới xuất bản" in html and "Đà Nẵng đồng hành cùng chuyển đổi số" in html
        assert "Lượt truy cập tháng này" not in html

    def test_communications_staff_see_the_months_visits_not_page_work(self):
        html = self.dashboard(self.communications)
        assert "Lượt truy cập tháng này" in html
        assert 'href="/admin/reports/visits/"' in html
        assert "Bản nháp của tôi" not in html and "Đã hẹn giờ xuất bản" not in html

    def test_the_help_menu_opens_the_portals_guide_not_wagtails(self):
        html = self.dashboard(self.moderator)
        menu = json.dumps(_sidebar(html), ensure_ascii=False)
        assert "/admin/huong-dan/" in menu and "Hướng dẫn biên tập" in menu
        assert "guide.wagtail.org" not in menu and "guide.wagtail.org" not in html

    def test_the_dashboard_costs_the_same_with_many_drafts(self):
        def queries() -> int:
            self.client.force_login(self.editor)
            with CaptureQueriesContext(connection) as captured:
                self.client.get("/admin/")
            return len(captured)

        self.client.force_login(self.editor)
        self.client.get("/admin/")  # warm caches (site root paths, content types)
        few = queries()
        for number in range(12):
            page = make_article(self.section, f"Bản nháp số {number}", publish=False)
            page.owner = self.editor
            page.save_revision(user=self.editor)
        assert queries() == few


class GuideTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        make_site()
        cls.editor = _user("bientap", EDITORS)

    def test_the_guide_is_served_in_the_admin_in_vietnamese(self):
        self.client.force_login(self.editor)
        response = self.client.get("/admin/huong-dan/")
        html = response.content.decode()
        assert response.status_code == 200
        assert html.count("<h1") == 1 and "Hướng dẫn biên tập viên" in html
        assert "<table class='listing'>" in html and '<th scope="col">' in html
        assert "<strong>Lưu nháp</strong>" in html

    def test_every_picture_the_guide_shows_is_served(self):
        names = re.findall(
            r"\(editors-guide/([a-z0-9-]+\.png)\)", GUIDE.read_text(encoding="utf-8")
        )
        assert len(names) >= 3
        self.client.force_login(self.editor)
        html = self.client.get("/admin/huong-dan/").content.decode()
        for name in names:
            assert f'src="/admin/huong-dan/anh/{name}"' in html
            response = self.client.get(f"/admin/huong-dan/anh/{name}")
            assert response.status_code == 200 and response["Content-Type"] == "image/png"

    def test_only_signed_in_staff_read_the_guide(self):
        assert self.client.get("/admin/huong-dan/").status_code == 302

    def test_guide_images_are_only_the_guides_png_files(self):
        self.client.force_login(self.editor)
        assert self.client.get("/admin/huong-dan/anh/..%2Fsettings.png").status_code != 200
        assert self.client.get("/admin/huong-dan/anh/guide.py").status_code == 404
        assert self.client.get("/admin/huong-dan/anh/khong-co.png").status_code == 404


def test_markdown_is_escaped_and_images_point_at_the_guide():
    html = markdown_to_html(
        "# Tiêu đề\n\nChữ <script>x</script> **đậm**\n\n![Màn hình](editors-guide/bang-dieu-khien.png)\n",
        "/admin/huong-dan/anh/",
    )
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<strong>đậm</strong>" in html
    assert '<img src="/admin/huong-dan/anh/bang-dieu-khien.png" alt="Màn hình"' in html
    assert "<h1" not in html

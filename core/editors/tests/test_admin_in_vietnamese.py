"""Every main admin screen, as each role sees it, shows no message in English.

The check compares what the screen shows with the msgid catalogue of the packages (see
core/editors/untranslated.py), so it fails on any message that came out of gettext
untranslated, including ones no one has thought of yet.
"""

import json

from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.test import Client, TestCase
from wagtail.documents import get_document_model
from wagtail.users.models import UserProfile

from core.editors.untranslated import untranslated_messages, visible_strings
from core.groups import COMMUNICATIONS, EDITORS, MODERATORS
from media_products.tests.factories import (
    PRODUCT_MODELS,
    add_product,
    complete_fields,
    make_captions,
    make_index,
    make_media,
    make_series,
)
from sitewide.models import StandardPage
from testsupport import make_article, make_image, make_section, make_site

ROLES = {"editor": EDITORS, "moderator": MODERATORS, "communications": COMMUNICATIONS}
# Screens each role works in: they must render (200) for that role, not only be skipped.
MUST_SEE = {
    "editor": {
        "dashboard",
        "explorer",
        "edit article",
        "add article",
        "images",
        "documents",
        "media",
        "account",
    },
    "moderator": {
        "dashboard",
        "explorer",
        "edit article",
        "workflow report",
        "workflow tasks report",
        "account",
    },
    "communications": {"dashboard", "visits report", "account"},
}


def build_site() -> dict:
    """One page of each type, a file of each library, a draft in moderation, the three roles."""
    home, _home_en = make_site()
    section = make_section(home, "Hoạt động của Bộ", slug="hoat-dong-cua-bo")
    image = make_image("anh-hoi-nghi", description="Hội nghị chuyển đổi số")
    article = make_article(section, "Đà Nẵng đồng hành cùng chuyển đổi số", featured_image=image)
    standard = StandardPage(title="Giới thiệu", slug="gioi-thieu", intro="Giới thiệu Bộ.")
    home.add_child(instance=standard)
    index = make_index(home)
    files = {
        "video": make_media("video", "mp4", "video-thu"),
        "audio": make_media("audio", "mp3", "audio-thu"),
        "captions": make_captions("vi"),
        "series": make_series(),
    }
    products = [
        add_product(
            index,
            model,
            f"Sản phẩm {model.__name__}",
            featured_image=image,
            **complete_fields(model, image, **files),
        )
        for model in PRODUCT_MODELS
    ]
    document = get_document_model()(title="Kế hoạch năm 2027")
    document.file.save("ke-hoach-2027.txt", ContentFile(b"Ke hoach"), save=True)
    users = {}
    for role, group in ROLES.items():
        user = User.objects.create_user(role, f"{role}@example.gov.vn", "mat-khau-dai-123456")
        user.groups.add(Group.objects.get(name=group))
        users[role] = user
    # Something awaiting review, so the moderator's screens list it.
    draft = make_article(section, "Hội đồng thẩm định họp phiên thứ hai", publish=False)
    draft.save_revision(user=users["editor"])
    draft.get_workflow().start(draft, users["editor"])
    return {
        "home": home,
        "section": section,
        "article": article,
        "draft": draft,
        "standard": standard,
        "index": index,
        "products": products,
        "image": image,
        "document": document,
        "media": files["video"],
        "users": users,
    }


def screens(site) -> dict[str, str]:
    urls = {
        "dashboard": "/admin/",
        "explorer": f"/admin/pages/{site['home'].pk}/",
        "section explorer": f"/admin/pages/{site['section'].pk}/",
        "page search": "/admin/pages/search/?q=chuyển",
        "add article": f"/admin/pages/add/news/articlepage/{site['section'].pk}/",
        "edit article": f"/admin/pages/{site['article'].pk}/edit/",
        "edit draft in moderation": f"/admin/pages/{site['draft'].pk}/edit/",
        "edit home": f"/admin/pages/{site['home'].pk}/edit/",
        "edit section": f"/admin/pages/{site['section'].pk}/edit/",
        "edit standard page": f"/admin/pages/{site['standard'].pk}/edit/",
        "edit media index": f"/admin/pages/{site['index'].pk}/edit/",
        "page history": f"/admin/pages/{site['article'].pk}/history/",
        "page chooser": "/admin/choose-page/",
        "images": "/admin/images/",
        "image edit": f"/admin/images/{site['image'].pk}/",
        "image upload": "/admin/images/multiple/add/",
        "image chooser": "/admin/images/chooser/",
        "documents": "/admin/documents/",
        "document edit": f"/admin/documents/edit/{site['document'].pk}/",
        "document upload": "/admin/documents/multiple/add/",
        "document chooser": "/admin/documents/chooser/",
        "media": "/admin/media/",
        "media edit": f"/admin/media/edit/{site['media'].pk}/",
        "media upload": "/admin/media/video/add/",
        "media chooser": "/admin/media/chooser/",
        "snippets": "/admin/snippets/",
        "workflow report": "/admin/reports/workflow/",
        "workflow tasks report": "/admin/reports/workflow_tasks/",
        "locked pages report": "/admin/reports/locked/",
        "aging pages report": "/admin/reports/aging-pages/",
        "site history": "/admin/reports/site-history/",
        "visits report": "/admin/reports/visits/",
        "site settings": "/admin/settings/",
        "account": "/admin/account/",
        "two-factor": "/admin/2fa/",
        "two-factor setup": "/admin/2fa/setup/",
        "userbar": "/",
    }
    for product in site["products"]:
        urls[f"edit {type(product).__name__}"] = f"/admin/pages/{product.pk}/edit/"
    return urls


def _around(html: str, text: str) -> str:
    at = html.find(text)
    return html[max(at - 80, 0) : at + len(text) + 20].replace("\n", " ") if at >= 0 else "?"


def _content(response) -> str:
    body = response.content.decode()
    if response.get("Content-Type", "").startswith("application/json"):
        # Choosers answer with JSON whose "html" is the dialog.
        return json.loads(body).get("html", "")
    return body


class AdminInVietnameseTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.site = build_site()

    def english_on_screens(self, role: str) -> tuple[list[str], dict[str, list[str]]]:
        client = Client()
        client.force_login(self.site["users"][role])
        rendered, english = [], {}
        for name, url in screens(self.site).items():
            response = client.get(url, follow=name == "site settings")
            if response.status_code != 200:
                continue
            rendered.append(name)
            html = _content(response)
            found = untranslated_messages(visible_strings(html))
            if found:
                # Each English message with where it stands, so the fix is easy to find.
                english[name] = sorted(f"{text} <- {_around(html, text)}" for text in found)
        return rendered, english

    def assert_vietnamese_for(self, role: str) -> None:
        rendered, english = self.english_on_screens(role)
        missing = MUST_SEE[role] - set(rendered)
        assert not missing, f"{role} could not open {missing}"
        assert not english, (
            f"{role} sees English: {json.dumps(english, ensure_ascii=False, indent=1)}"
        )

    def test_every_screen_is_vietnamese_for_an_editor(self):
        self.assert_vietnamese_for("editor")

    def test_every_screen_is_vietnamese_for_a_moderator(self):
        self.assert_vietnamese_for("moderator")

    def test_every_screen_is_vietnamese_for_communications_staff(self):
        self.assert_vietnamese_for("communications")

    def test_the_sign_in_and_password_reset_pages_are_vietnamese(self):
        client = Client(headers={"accept-language": "vi"})
        for url in ("/admin/login/", "/admin/password_reset/"):
            response = client.get(url)
            assert response.status_code == 200, url
            english = untranslated_messages(visible_strings(_content(response)))
            assert not english, f"{url} shows English: {sorted(english)}"

    def test_the_check_finds_english_when_the_admin_speaks_english(self):
        """The same screens in English fail the check: proof that it can fail."""
        profile = UserProfile.get_for_user(self.site["users"]["editor"])
        profile.preferred_language = "en"
        profile.save()
        rendered, english = self.english_on_screens("editor")
        assert "dashboard" in rendered
        messages = {line.split(" <- ")[0] for line in english["dashboard"]}
        assert {"Images", "Documents", "Help"} <= messages
        assert len(english) >= len(rendered) - 2


def test_placeholder_messages_are_recognised_in_english():
    found = untranslated_messages(["Page 'Đà Nẵng' has been published.", "Trang đã xuất bản."])
    assert found == {"Page 'Đà Nẵng' has been published."}

"""An editor's journey in Chromium, in Vietnamese, from a blank article to a scheduled publication.

The editor signs in, writes an article (title, whose slug the admin writes the Vietnamese way;
lead; featured image with its alt text; a heading; a table with caption and header row; a
paragraph linking a document), saves a draft, sets the publication time and submits it; a
moderator signs in with a second factor and approves; the page goes live when `publish_scheduled`
runs at that time. Every screen on the way is checked for English messages (the msgid catalogue
check of core/editors/untranslated.py) and for script errors; the portal's own admin screens
(dashboard panels, editor's guide) are checked with axe.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from a11y_tests.browser import Browser
from a11y_tests.engine import describe_violations, install_axe, run_axe
from core.editors.untranslated import untranslated_messages, visible_strings
from core.groups import EDITORS, MODERATORS
from news.models import ArticlePage, SectionPage

pytestmark = pytest.mark.browser

PASSWORD = "mat-khau-hanh-trinh-2026"
TITLE = "Đà Nẵng đồng hành cùng chuyển đổi số"
SLUG = "da-nang-dong-hanh-cung-chuyen-doi-so"
# Records every uncaught error and console.error of each document, before the page's own scripts.
ERROR_RECORDER = """
window.__portalErrors = [];
window.addEventListener('error', e => window.__portalErrors.push(String(e.message)));
window.addEventListener('unhandledrejection', e => window.__portalErrors.push(String(e.reason)));
const portalConsoleError = console.error;
console.error = (...args) => { window.__portalErrors.push(args.map(String).join(' ')); portalConsoleError(...args); };
"""


class AdminSession:
    """One Chromium signed in to the admin, checking each screen it shows."""

    def __init__(self, base_url: str) -> None:
        self.browser = Browser(base_url)
        install_axe(self.browser)
        self.browser.cdp("Page.addScriptToEvaluateOnNewDocument", {"source": ERROR_RECORDER})
        self.browser.set_width(1280)
        self.driver = self.browser.driver
        self.wait = WebDriverWait(self.driver, 20)
        self.base_url = base_url.rstrip("/")

    def get(self, path: str) -> None:
        self.driver.get(self.base_url + path)

    def find(self, css: str):
        return self.wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, css)))

    def click(self, css: str) -> None:
        # A script click reaches buttons inside closed dropdowns, as a keyboard user's Enter does.
        self.driver.execute_script("arguments[0].click()", self.find(css))

    def type(self, css: str, text: str) -> None:
        # Blocks open with an animation: wait until the field can take the keyboard.
        element = self.wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, css)))
        element.clear()
        element.send_keys(text)

    def assert_vietnamese_and_error_free(self, where: str) -> None:
        html = self.driver.page_source
        english = untranslated_messages(visible_strings(html))
        assert not english, f"{where} shows English: {sorted(english)}"
        errors = self.driver.execute_script("return window.__portalErrors || []")
        assert not errors, f"{where} logged script errors: {errors}"

    def sign_in(self, username: str, device: TOTPDevice | None = None) -> None:
        self.driver.delete_all_cookies()
        self.get("/admin/login/")
        self.assert_vietnamese_and_error_free("the login page")
        self.type("#id_username", username)
        self.type("#id_password", PASSWORD)
        self.click("form button[type=submit]")
        if device is not None:
            self.wait.until(ec.url_contains("/admin/2fa/verify/"))
            self.assert_vietnamese_and_error_free("the second-factor page")
            self.type("#id_otp_token", f"{totp(device.bin_key):06d}")
            self.click("form button[type=submit]")
        self.wait.until(ec.presence_of_element_located((By.ID, "wagtail-sidebar")))

    def close(self) -> None:
        self.browser.close()


@pytest.fixture(scope="module")
def people(django_db_setup, django_db_blocker) -> Iterator[dict]:
    with django_db_blocker.unblock():
        editor = User.objects.create_user("bientap-hanhtrinh", "bt@example.gov.vn", PASSWORD)
        editor.groups.add(Group.objects.get(name=EDITORS))
        moderator = User.objects.create_user("kiemduyet-hanhtrinh", "kd@example.gov.vn", PASSWORD)
        moderator.groups.add(Group.objects.get(name=MODERATORS))
        device = TOTPDevice.objects.create(user=moderator, name="Điện thoại", confirmed=True)
        yield {"editor": editor, "moderator": moderator, "device": device}
        ArticlePage.objects.filter(title=TITLE).delete()
        ArticlePage.objects.filter(title="Đà Nẵng đồng hành").delete()
        User.objects.filter(pk__in=[editor.pk, moderator.pk]).delete()


@pytest.fixture(scope="module")
def session(live_server) -> Iterator[AdminSession]:
    admin = AdminSession(live_server.url)
    yield admin
    admin.close()


def _section(django_db_blocker) -> SectionPage:
    with django_db_blocker.unblock():
        return SectionPage.objects.live().filter(locale__language_code="vi").order_by("path")[1]


def test_the_slug_field_writes_a_vietnamese_title_as_the_editor_types(
    session, people, django_db_blocker
):
    section = _section(django_db_blocker)
    session.sign_in(people["editor"].username)
    session.get(f"/admin/pages/add/news/articlepage/{section.pk}/")
    title = session.find("#id_title")
    title.send_keys("Đà Nẵng đồng hành")
    slug = session.find("#id_slug")
    session.wait.until(lambda _: slug.get_attribute("value") == "da-nang-dong-hanh")
    title.send_keys(" cùng Hội đồng")
    session.wait.until(lambda _: slug.get_attribute("value") == "da-nang-dong-hanh-cung-hoi-dong")
    session.assert_vietnamese_and_error_free("the new article form")


def _add_block(session: AdminSession, label: str) -> None:
    """Open the StreamField's block menu (the last "insert" button) and pick a block by name."""
    buttons = session.driver.find_elements(By.CSS_SELECTOR, "button.c-sf-add-button")
    session.driver.execute_script("arguments[0].click()", buttons[-1])
    option = session.wait.until(
        ec.visibility_of_element_located(
            (By.XPATH, f"//*[@role='option' and normalize-space(.)='{label}']")
        )
    )
    session.driver.execute_script("arguments[0].click()", option)


def test_an_article_goes_from_draft_to_scheduled_publication(session, people, django_db_blocker):
    section = _section(django_db_blocker)
    editor = people["editor"]

    # The editor's dashboard, with the portal's own panels and guide (axe-checked: ours).
    session.sign_in(editor.username)
    session.assert_vietnamese_and_error_free("the editor's dashboard")
    result = run_axe(session.browser)
    assert not result.violations, describe_violations("the dashboard", result.violations)
    session.get("/admin/huong-dan/")
    session.assert_vietnamese_and_error_free("the editor's guide")
    result = run_axe(session.browser)
    assert not result.violations, describe_violations("the guide", result.violations)

    # Write the article.
    session.get(f"/admin/pages/add/news/articlepage/{section.pk}/")
    session.find("#id_title").send_keys(TITLE)
    session.type("#id_lead", "Thành phố cùng các bộ, ngành đẩy nhanh dịch vụ công trực tuyến.")
    session.click("#id_featured_image-chooser .unchosen button[data-chooser-action-choose]")
    session.click(".modal-dialog a.image-choice, .modal-dialog [data-chooser-modal-choice]")
    session.wait.until(ec.invisibility_of_element_located((By.CSS_SELECTOR, ".modal-dialog")))
    session.type("#id_featured_image_alt", "Lãnh đạo thành phố phát biểu tại hội nghị")

    _add_block(session, "Tiêu đề mục")
    session.type("[name='body-0-value-text']", "Kết quả sau một năm")

    _add_block(session, "Bảng số liệu")
    session.type("#body-1-value-handsontable-col-caption", "Hồ sơ trực tuyến theo quý" + Keys.TAB)
    first_row_header = session.find("#body-1-value-table-header-choice")
    session.driver.execute_script(
        "arguments[0].value = 'row'; arguments[0].dispatchEvent(new Event('change', {bubbles: true}))",
        first_row_header,
    )
    # Handsontable 6's cells do not take synthetic key presses in headless Chromium; the rows
    # go into the block's value as its own afterChange handler would write them.
    session.driver.execute_script(
        """const input = document.getElementById('body-1-value');
        const value = JSON.parse(input.value);
        value.data = [['Quý', 'Số hồ sơ'], ['I/2026', '1.204'], ['II/2026', '1.517']];
        input.value = JSON.stringify(value);"""
    )

    _add_block(session, "Đoạn văn")
    editor_box = session.wait.until(
        ec.element_to_be_clickable(
            (By.CSS_SELECTOR, ".Draftail-Editor .public-DraftEditor-content")
        )
    )
    session.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", editor_box)
    editor_box.click()
    editor_box.send_keys("Xem toàn văn kế hoạch chuyển đổi số năm 2026")
    editor_box.send_keys(Keys.SHIFT + Keys.HOME)
    session.wait.until(lambda driver: driver.execute_script("return String(getSelection())"))
    # Draftail's toolbar acts on mousedown (keeping the text selected), so a real pointer click.
    ActionChains(session.driver).click(
        session.find(".Draftail-Editor button[name='DOCUMENT']")
    ).perform()
    session.click(".modal-dialog a[data-chooser-modal-choice], .modal-dialog .document-choice")
    session.wait.until(ec.invisibility_of_element_located((By.CSS_SELECTOR, ".modal-dialog")))
    session.find(".Draftail-Editor .TooltipEntity")  # the linked words, as Draftail marks them
    session.assert_vietnamese_and_error_free("the article being written")

    # Save a draft.
    session.click("button.action-save")
    session.wait.until(ec.url_contains("/edit/"))
    session.assert_vietnamese_and_error_free("the saved draft")
    edit_url = session.driver.current_url
    # The editor's page pings the server (editing sessions); with SQLite the test reads only
    # while no page is open.
    session.driver.get("about:blank")
    with django_db_blocker.unblock():
        page = ArticlePage.objects.get(title=TITLE)
        assert page.slug == SLUG and not page.live
        assert page.featured_image_id and page.featured_image_alt
        body = {block.block_type: block for block in page.get_latest_revision_as_object().body}
        assert {"heading", "table", "paragraph"} <= set(body), list(body)
        assert body["table"].value["table_caption"] == "Hồ sơ trực tuyến theo quý"
        assert body["table"].value["table_header_choice"] == "row"
        assert 'linktype="document"' in body["paragraph"].value.source

    # Schedule it and submit it for moderation.
    session.driver.get(edit_url)
    go_live = (timezone.localtime() + timedelta(hours=2)).replace(second=0, microsecond=0)
    session.click("[data-a11y-dialog-show='schedule-publishing-dialog']")
    session.type(
        "#schedule-publishing-dialog [name='go_live_at']", go_live.strftime("%d/%m/%Y %H:%M")
    )
    session.click("#schedule-publishing-dialog button[type='submit']")
    session.click("button[name='action-submit']")
    session.wait.until(ec.url_matches(r"/admin/pages/\d+/$"))  # back to the section
    session.assert_vietnamese_and_error_free("the section after submission")

    # The moderator signs in with a second factor and approves from the dashboard.
    session.sign_in(people["moderator"].username, device=people["device"])
    session.assert_vietnamese_and_error_free("the moderator's dashboard")
    approve = session.find(
        "#awaiting-review-section button[data-workflow-action-url*='/approve/']"
        ":not([data-launch-modal])"
    )
    session.driver.execute_script("arguments[0].click()", approve)
    session.wait.until(ec.staleness_of(approve))
    session.find("#wagtail-sidebar")
    session.assert_vietnamese_and_error_free("the dashboard after approval")
    session.driver.get("about:blank")

    with django_db_blocker.unblock():
        page.refresh_from_db()
        assert not page.live
        assert page.get_latest_revision().approved_go_live_at is not None
        # Cron runs publish_scheduled every minute: at the chosen time the page goes live.
        call_command("publish_scheduled")
        page.refresh_from_db()
        assert not page.live
        with time_machine.travel(go_live + timedelta(minutes=1)):
            call_command("publish_scheduled")
        page.refresh_from_db()
        assert page.live
    session.driver.delete_all_cookies()
    session.get(page.url)
    assert TITLE in session.driver.title

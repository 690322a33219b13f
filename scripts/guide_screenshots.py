"""Screenshots for the editor's guide, taken from the real admin so the pictures never drift.

    PYTHONPATH=. DATABASE_URL=... python scripts/guide_screenshots.py [--port 8160]

Starts the portal on the given port against the configured database (the demo content is what the
pictures show: run `manage.py seed_demo` first), signs in as a temporary editor and a temporary
moderator (removed afterwards), and writes each picture the guide names to docs/editors-guide/.
Run it after a change to the admin and commit the pictures with the change.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "editors-guide"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")


def _wait_for(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.5)
    raise SystemExit(f"the portal did not start on port {port}")


def _people(password: str) -> tuple:
    from django.contrib.auth.models import Group, User

    from core.groups import EDITORS, MODERATORS

    made = []
    for name, group in (
        ("anh-huong-dan-bientap", EDITORS),
        ("anh-huong-dan-kiemduyet", MODERATORS),
    ):
        User.objects.filter(username=name).delete()
        user = User.objects.create_user(name, f"{name}@example.gov.vn", password, first_name="Minh")
        user.groups.add(Group.objects.get(name=group))
        made.append(user)
    return tuple(made)


def take(port: int) -> list[Path]:
    import django

    django.setup()
    from selenium.webdriver.common.by import By

    from a11y_tests.browser import Browser
    from news.models import SectionPage

    password = secrets.token_urlsafe(16)
    editor, moderator = _people(password)
    section = SectionPage.objects.filter(locale__language_code="vi").order_by("path")[1]
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    browser = Browser(f"http://127.0.0.1:{port}")
    written: list[Path] = []
    try:
        _wait_for(port)
        driver = browser.driver
        browser.set_width(1280)

        def sign_in(user) -> None:
            driver.delete_all_cookies()
            driver.get(f"{browser.base_url}/admin/login/")
            driver.find_element(By.ID, "id_username").send_keys(user.username)
            driver.find_element(By.ID, "id_password").send_keys(password)
            driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
            time.sleep(1)

        def shot(name: str, path: str) -> None:
            driver.get(browser.base_url + path)
            time.sleep(1.5)  # let the admin's scripts draw the sidebar and panels
            target = OUT / f"{name}.png"
            browser.screenshot(target)
            written.append(target)

        OUT.mkdir(parents=True, exist_ok=True)
        sign_in(editor)
        shot("bang-tong-quan-bien-tap-vien", "/admin/")
        shot("cay-trang-chuyen-muc", f"/admin/pages/{section.pk}/")
        shot("tao-bai-viet", f"/admin/pages/add/news/articlepage/{section.pk}/")
        sign_in(moderator)
        shot("bao-cao-quy-trinh-duyet", "/admin/reports/workflow/")
    finally:
        browser.close()
        server.terminate()
        server.wait(timeout=30)
        editor.delete()
        moderator.delete()
    return written


def main() -> None:
    port = int(sys.argv[sys.argv.index("--port") + 1]) if "--port" in sys.argv else 8160
    for path in take(port):
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()

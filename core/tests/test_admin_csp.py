"""Wagtail's admin works under its strict CSP: the article editor loads and is used with no violation.

Runs a real Chromium: the CSP is enforced by the browser, so only a browser can prove it.
"""

import tempfile
import time

import pytest
from django.contrib.auth.models import User
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from a11y_tests.browser import CHROMEDRIVER, CHROMIUM, CHROMIUM_FLAGS
from testsupport import make_article, make_image, make_section, make_site

pytestmark = pytest.mark.browser

PASSWORD = "mat-khau-quan-tri-thu-nghiem"


@pytest.fixture
def chromium():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    with tempfile.TemporaryDirectory(prefix="portal-csp-chromium-") as profile:
        options.add_argument(f"--user-data-dir={profile}")
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        driver.set_window_size(1280, 900)
        try:
            yield driver
        finally:
            driver.quit()


def csp_violations(driver) -> list[str]:
    """Console messages the browser wrote because the Content-Security-Policy blocked something."""
    return [
        entry["message"]
        for entry in driver.get_log("browser")
        if "Content Security Policy" in entry["message"]
        or "Content-Security-Policy" in entry["message"]
    ]


@pytest.fixture
def article(transactional_db):
    home, _home_en = make_site()
    section = make_section(make_section(home, "Tin tức", slug="tin-tuc"), "Chuyển đổi số")
    return make_article(section, "Bài viết thử CSP", featured_image=make_image())


def sign_in(driver, base_url: str) -> None:
    User.objects.create_superuser("quantri", "q@example.gov.vn", PASSWORD)
    driver.get(f"{base_url}/admin/login/")
    driver.find_element(By.NAME, "username").send_keys("quantri")
    driver.find_element(By.NAME, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form.login-form button[type=submit]").click()
    WebDriverWait(driver, 20).until(expected_conditions.url_contains("/admin/"))


def test_the_article_editor_and_the_userbar_run_under_the_csp_without_violations(
    chromium, live_server, article
):
    sign_in(chromium, live_server.url)
    chromium.get(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    WebDriverWait(chromium, 30).until(
        lambda d: d.execute_script("return document.body.classList.contains('ready')")
    )
    policy = chromium.execute_script(
        "return fetch(location.href).then(r => r.headers.get('Content-Security-Policy'))"
    )
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"].startswith("'self' 'nonce-")
    assert "'unsafe-inline'" not in directives["script-src"]

    # The widgets that initialise themselves inline are alive: the chooser shows the image,
    # the inline panel adds a related link (a cloned template with its own chooser script).
    assert chromium.find_elements(By.CSS_SELECTOR, "[data-chooser-title], .chooser__title")
    chromium.execute_script("document.getElementById('id_related_links-ADD').click()")
    WebDriverWait(chromium, 10).until(lambda d: d.find_elements(By.ID, "id_related_links-0-page"))
    time.sleep(0.5)  # let any late script (and its violation report) run
    assert csp_violations(chromium) == []

    # The public page of the same article, with the editor's userbar injected, keeps the strict
    # public policy (one browser and one live server for both: each costs seconds).
    chromium.get(f"{live_server.url}/tin-tuc/chuyen-doi-so/{article.slug}/")
    WebDriverWait(chromium, 20).until(
        lambda d: d.execute_script("return !!document.querySelector('wagtail-userbar')")
    )
    time.sleep(1)
    assert csp_violations(chromium) == []

"""Fixtures of the browser accessibility suite (this folder only).

The demo content is seeded once, when the suite's first test asks for the database, and stays
for the whole run; one live server and one Chromium serve every test.

pytest-django wraps each test that uses `live_server` in `transactional_db`, whose default
flushes every table after the test: that would delete the demo after the first page. Here
`transactional_db` is overridden to mean "the seeded database, open to this test and to the
server thread".

Other apps' transactional tests, which run before this suite, flush the database too, and with
it what the migrations created (the root page, the default locale, the root collection...).
So the suite asks pytest-django to keep a copy of the freshly migrated database (by naming the
`django_db_serialized_rollback` fixture, as Django's `serialized_rollback` does), restores it
before seeding when it is gone, and leaves the database in that state when it is done.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections
from django.test.utils import override_settings

from a11y_tests.browser import Browser
from a11y_tests.engine import AxeMissing, axe_source, install_axe
from a11y_tests.report import REPORT_DIR, Report
from a11y_tests.snapshots import Inspector

DEMO_ARTICLES = 45  # 46 with the showcase, 20 a page: the news listing has three pages.
DEMO_MEDIA = 6


def _quiet(message: str) -> None:
    """The seeding log is for people running `make run`; the suite keeps its output clean."""


def _restore_migrated_content(only_if_flushed: bool = True) -> None:
    """Empty the database and put back what the migrations created (Django's serialized rollback).

    The flush keeps its post_migrate signal quiet: content types and permissions come back from
    the copy with their original ids, not recreated with new ones.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    if only_if_flushed and Page.objects.filter(depth=1).exists():
        return
    connection = connections["default"]
    contents = getattr(connection, "_test_serialized_contents", None)
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=bool(contents))
    if contents:
        connection.creation.deserialize_db_from_string(contents)
        # Rows came back with their ids: move each id sequence past them, as loaddata does.
        statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
    # The content-type cache still maps ids as the flushed database had them.
    ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def django_db_serialized_rollback() -> None:
    """Its name makes pytest-django serialize the migrated database when it creates it."""


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker) -> Iterator[None]:
    """The test database with the demo content: every page type, 45 news articles, media."""
    from sitewide.demo import seed

    with django_db_blocker.unblock():
        _restore_migrated_content()
        seed(articles=DEMO_ARTICLES, media=DEMO_MEDIA, log=_quiet)
    yield


@pytest.fixture
def transactional_db(django_db_setup, django_db_blocker) -> Iterator[None]:
    """The seeded database, readable by the test and the live server, never flushed per test."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture(scope="package", autouse=True)
def _demo_is_removed_after_the_suite(django_db_blocker) -> Iterator[None]:
    yield
    with django_db_blocker.unblock():
        _restore_migrated_content(only_if_flushed=False)


@pytest.fixture(scope="package")
def _suite_urls() -> Iterator[None]:
    """The portal's URLs plus the suite's own (a failing view for the 500 page, the fixtures)."""
    with override_settings(ROOT_URLCONF="a11y_tests.urls", DEBUG=False):
        yield


@pytest.fixture(scope="session")
def report() -> Iterator[Report]:
    shutil.rmtree(REPORT_DIR, ignore_errors=True)
    collected = Report()
    yield collected
    collected.write()


@pytest.fixture(scope="package")
def browser(live_server, _suite_urls) -> Iterator[Browser]:
    try:
        axe_source()
    except AxeMissing as error:
        pytest.fail(str(error), pytrace=False)
    session = Browser(live_server.url)
    install_axe(session)
    yield session
    session.close()


@pytest.fixture
def page_browser(browser: Browser) -> Browser:
    """The browser in its plain state (scripts on, no emulated media, normal text size)."""
    browser.reset()
    return browser


@pytest.fixture(scope="package")
def inspector(browser: Browser, report: Report) -> Inspector:
    return Inspector(browser, report)


@pytest.fixture(autouse=True)
def _every_test_sees_the_demo(live_server) -> None:
    """Every test here uses the live server, so all run together, after the other apps' tests."""

"""Valid HTML on every page of the matrix: page kind × language × display mode, Nu Html Checker.

The first of these tests fetches the markup of every page the run selected (so `-k` narrows the
batch too) and validates it all in one run of the checker; every test then reads its own page's
messages. Any error fails the page's test with each message, line and extract; the report lists
them as well.
"""

from __future__ import annotations

import pytest

from a11y_tests.browser import MODES, MODES_BY_NAME
from a11y_tests.conformance import (
    CheckerMissing,
    Message,
    checker_command,
    describe_errors,
    fetch,
    validate,
)
from a11y_tests.matrix import NoSuchPage, case_keys, case_or_skip, resolve
from core.display import COOKIE_NAME

pytestmark = pytest.mark.browser
TEST_NAME = "test_page_is_valid_html"
MODE_NAMES = [mode.name for mode in MODES]


class Batch:
    """The selected pages' markup, validated together the first time any page is asked for."""

    def __init__(self, base_url: str, wanted: list[tuple[str, str]]) -> None:
        self.base_url = base_url
        self.wanted = wanted
        self._results: dict[tuple[str, str], list[Message]] | None = None

    def messages(self, key: str, mode: str) -> list[Message]:
        if self._results is None:
            self._results = self._validate()
        if (key, mode) not in self._results:  # not collected (e.g. run by node id): check alone
            self._results.update(self._validate([(key, mode)]))
        return self._results[(key, mode)]

    def _validate(
        self, pairs: list[tuple[str, str]] | None = None
    ) -> dict[tuple[str, str], list[Message]]:
        documents: dict[str, str] = {}
        names: dict[str, tuple[str, str]] = {}
        for key, mode in pairs or self.wanted:
            try:
                case = resolve(key)
            except NoSuchPage:
                continue  # its test skips with the reason
            cookie = MODES_BY_NAME[mode].cookie
            name = f"{key} [{mode}]"
            documents[name] = fetch(
                self.base_url, case.path, f"{COOKIE_NAME}={cookie}" if cookie else None
            )
            names[name] = (key, mode)
        return {names[name]: found for name, found in validate(documents).items()}


@pytest.fixture(scope="package")
def html_batch(request, live_server, _suite_urls) -> Batch:
    try:
        checker_command()
    except CheckerMissing as error:
        pytest.fail(str(error), pytrace=False)
    wanted = [
        (item.callspec.params["key"], item.callspec.params["mode"])
        for item in request.session.items
        if getattr(item, "originalname", None) == TEST_NAME and hasattr(item, "callspec")
    ]
    return Batch(live_server.url, wanted)


@pytest.mark.parametrize("mode", MODE_NAMES)
@pytest.mark.parametrize("key", case_keys())
def test_page_is_valid_html(html_batch, report, key, mode):
    case = case_or_skip(key)
    messages = html_batch.messages(key, mode)
    errors = [message.describe() for message in messages if message.fails]
    report.add_check("valid HTML (Nu Html Checker)", f"{key} [{mode}]", errors)
    assert not errors, describe_errors(f"{case.label}, mode {mode}", messages)

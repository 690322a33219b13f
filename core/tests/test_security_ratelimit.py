"""Search, public forms and the analytics endpoint are rate-limited per client, on hashed keys."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.core.cache import cache
from wagtail.models import Page

from core.security.clients import client_key, client_pseudo_address
from core.security.ratelimit import over_limit, parse_rate

READER = "198.51.100.23"
NEIGHBOUR = "198.51.100.24"


@pytest.fixture(autouse=True)
def limits(settings):
    settings.PORTAL_RATELIMIT_ENABLED = True
    settings.PORTAL_RATELIMITS = {"search": "3/m", "analytics": "3/m", "forms": "2/m"}
    cache.clear()
    # Frozen clock: the three requests and the fourth always fall in the same window.
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, 10, tzinfo=UTC), tick=False):
        yield
    cache.clear()


def test_search_answers_429_with_retry_after_once_a_client_exceeds_its_rate(client, home):
    for _ in range(3):
        assert client.get("/search/", {"q": "chuyển đổi số"}, REMOTE_ADDR=READER).status_code == 200
    limited = client.get("/search/", {"q": "chuyển đổi số"}, REMOTE_ADDR=READER)
    assert limited.status_code == 429
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert "Quá nhiều yêu cầu" in limited.content.decode()
    assert limited["Cache-Control"] == "no-store"


def test_each_client_has_its_own_allowance(client, home):
    for _ in range(4):
        client.get("/search/", {"q": "a"}, REMOTE_ADDR=READER)
    assert client.get("/search/", {"q": "a"}, REMOTE_ADDR=NEIGHBOUR).status_code == 200


def test_analytics_endpoint_is_rate_limited_per_client(client, home):
    page_id = Page.objects.get(pk=home.pk).pk
    statuses = [
        client.get("/analytics/hit", {"p": page_id}, REMOTE_ADDR=READER).status_code
        for _ in range(4)
    ]
    assert 429 not in statuses[:3]
    assert statuses[3] == 429
    assert client.get("/analytics/hit", {"p": page_id}, REMOTE_ADDR=NEIGHBOUR).status_code != 429


def test_rate_limit_counters_hold_no_client_address(client, home):
    for _ in range(4):
        client.get("/search/", {"q": "a"}, REMOTE_ADDR=READER)
    stored = repr(list(cache._cache.keys())) + repr(dict(cache._cache))
    assert READER not in stored


def test_rate_limits_can_be_switched_off(client, home, settings):
    settings.PORTAL_RATELIMIT_ENABLED = False
    for _ in range(5):
        assert client.get("/search/", {"q": "a"}, REMOTE_ADDR=READER).status_code == 200


def test_client_keys_are_keyed_hashes_not_addresses(rf, settings):
    request = rf.get("/", REMOTE_ADDR=READER)
    key = client_key(request)
    assert READER not in key and len(key) == 64
    assert client_key(rf.get("/", REMOTE_ADDR=READER)) == key
    settings.SECRET_KEY = "another-secret-key-for-another-deployment"
    assert client_key(request) != key
    assert client_pseudo_address(request).startswith("fd")


def test_only_trusted_proxies_decide_the_client_address(rf, settings):
    forged = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, " + READER)
    settings.PORTAL_TRUSTED_PROXY_COUNT = 0
    assert client_key(forged) == client_key(rf.get("/", REMOTE_ADDR="10.0.0.2"))
    settings.PORTAL_TRUSTED_PROXY_COUNT = 1
    assert client_key(forged) == client_key(rf.get("/", REMOTE_ADDR=READER))


def test_public_form_submissions_are_limited_but_reading_the_form_is_not(client, home):
    for _ in range(5):
        assert client.get("/display-settings/", REMOTE_ADDR=READER).status_code == 200
    posts = [
        client.post(
            "/display-settings/", {"quick": "1", "toggle": "contrast"}, REMOTE_ADDR=READER
        ).status_code
        for _ in range(3)
    ]
    assert posts[:2] == [302, 302] and posts[2] == 429


def test_each_window_starts_a_new_count(rf):
    request = rf.get("/", REMOTE_ADDR=READER)
    assert [over_limit(request, "search") for _ in range(3)] == [None, None, None]
    assert over_limit(request, "search") == 50  # 10 s into the minute: 50 s to wait
    with time_machine.travel(datetime(2026, 3, 2, 9, 1, 0, tzinfo=UTC), tick=False):
        assert over_limit(request, "search") is None


def test_a_group_without_a_rate_is_not_counted(rf):
    request = rf.get("/", REMOTE_ADDR=READER)
    assert {over_limit(request, "unknown-group") for _ in range(10)} == {None}
    assert not cache._cache


def test_rates_are_read_as_count_per_period():
    assert parse_rate("60/m") == (60, 60)
    assert parse_rate("300/m") == (300, 60)
    assert parse_rate("5/s") == (5, 1)
    assert parse_rate("100/5m") == (100, 300)
    assert parse_rate("1000/d") == (1000, 86400)

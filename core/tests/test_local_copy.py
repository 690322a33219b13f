"""Each process's copy of cached pages: served without Redis, dropped the moment a token renews."""

import subprocess
import sys
import time
import uuid

import pytest
from django.test import override_settings

from core.caching import local, tokens


def live_copy(max_bytes: int = 1000) -> local.LocalCopy:
    copy = local.LocalCopy(max_bytes)
    copy.reset(live=True)
    return copy


def test_nothing_is_served_or_kept_until_the_listener_is_subscribed():
    copy = local.LocalCopy(1000)
    copy.remember(copy.generation, ["a"], ("1",), ("k", "page", 10, time.time() + 60))
    assert copy.stamp(["a"]) is None
    copy.reset(live=True)
    assert copy.stamp(["a"]) is None  # what came before the subscription is not trusted


def test_a_value_read_while_a_renewal_was_announced_is_not_kept():
    copy = live_copy()
    generation = copy.generation  # a read from Redis starts
    copy.forget(["a"])  # an announcement arrives during it
    copy.remember(generation, ["a"], ("old",), ("k", "page", 10, time.time() + 60))
    assert copy.stamp(["a"]) is None


def test_an_announced_token_is_dropped_with_every_entry_stamped_with_it():
    copy = live_copy()
    copy.remember(copy.generation, ["a", "b"], ("1", "2"), ("k", "page", 10, time.time() + 60))
    assert copy.stamp(["a", "b"]) == ("1", "2")
    assert copy.entry("k", ("1", "2")) == "page"
    copy.remember(copy.generation, ["c"], ("3",), ("other", "page", 10, time.time() + 60))
    copy.forget(["b"])
    assert copy.stamp(["a", "b"]) is None
    assert "k" not in copy._entries and copy._bytes == 10  # its memory is freed at once
    assert copy.entry("other", ("3",)) == "page"  # a page under other tokens stays
    copy.remember(copy.generation, ["a", "b"], ("1", "3"))  # the renewed value, read again
    assert copy.entry("k", ("1", "3")) is None


def test_a_listener_that_has_not_heard_redis_lately_stops_the_copy(monkeypatch):
    copy = live_copy()
    copy.remember(copy.generation, ["a"], ("1",), ("k", "page", 10, time.time() + 60))
    assert copy.entry("k", ("1",)) == "page"
    later = time.monotonic() + local.MAX_SILENCE + 1  # a partition: no pong, no close
    monkeypatch.setattr(local.time, "monotonic", lambda: later)
    assert copy.stamp(["a"]) is None and copy.entry("k", ("1",)) is None
    copy.heard()  # the next pong
    assert copy.entry("k", ("1",)) == "page"


def test_the_listener_keeps_hearing_redis_while_nothing_changes(copy):
    time.sleep(local.MAX_SILENCE + local.HEARTBEAT)
    assert copy.serving()


def test_entries_are_bounded_in_bytes_least_recently_served_first_and_end_when_they_expire():
    copy = live_copy(max_bytes=25)
    later = time.time() + 60
    for key in ("one", "two"):
        copy.remember(copy.generation, ["a"], ("1",), (key, key, 10, later))
    assert copy.entry("one", ("1",)) == "one"  # now the most recently served
    copy.remember(copy.generation, ["a"], ("1",), ("three", "three", 10, later))
    assert copy.entry("two", ("1",)) is None
    assert copy.entry("one", ("1",)) == "one" and copy.entry("three", ("1",)) == "three"
    copy.remember(copy.generation, ["a"], ("1",), ("huge", "huge", 26, later))
    assert copy.entry("huge", ("1",)) is None
    copy.remember(copy.generation, ["a"], ("1",), ("gone", "gone", 1, time.time() - 1))
    assert copy.entry("gone", ("1",)) is None


def test_a_local_memory_cache_has_no_copy():
    assert local.copy() is None  # the tests' cache is in the process already


def redis_cache() -> dict:
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/14",
            "KEY_PREFIX": f"portal-test-{uuid.uuid4().hex[:8]}",
        }
    }


@pytest.fixture
def copy():
    """The process's copy over a real Redis (as in production), its listener subscribed."""
    with override_settings(CACHES=redis_cache()):
        try:
            tokens.cache().get("probe")
        except Exception:
            pytest.skip("no Redis on 127.0.0.1:6379")
        local.stop()
        live = local.wait_until_live()
        assert live is not None and live.live
        yield live
        local.stop()


def wait_for_announcement(copy: local.LocalCopy, generation: int) -> None:
    deadline = time.monotonic() + 5
    while copy.generation == generation and time.monotonic() < deadline:
        time.sleep(0.005)
    assert copy.generation != generation, "the announcement never arrived"


def cached_in_the_copy(name: str) -> tuple[str, tokens.Slot]:
    """A page kept under token `name`, then removed from Redis: only the copy can answer it."""
    _value, slot = tokens.lookup("page", [name], "/trang/", len)
    tokens.keep(slot, "bản đầu", 60)
    assert tokens.lookup("page", [name], "/trang/", len)[0] == "bản đầu"  # read, and kept
    tokens.cache().delete(slot.key)
    assert tokens.lookup("page", [name], "/trang/", len)[0] == "bản đầu"  # from the copy
    return name, slot


def test_a_renewal_in_another_process_reaches_this_process_copy(copy):
    name, _slot = cached_in_the_copy("path:renewed-elsewhere")
    generation = copy.generation
    store = tokens.cache()
    script = (
        "import pickle, sys, redis\n"
        "r = redis.Redis.from_url('redis://127.0.0.1:6379/14')\n"
        "r.set(sys.argv[1], pickle.dumps('new-token'))\n"
        "r.publish(sys.argv[2], sys.argv[3])\n"
    )
    key, channel = store.make_key(f"portal:token:{name}"), local.channel()
    subprocess.run([sys.executable, "-c", script, key, channel, name], check=True)
    wait_for_announcement(copy, generation)
    assert tokens.lookup("page", [name], "/trang/", len)[0] is None


def test_a_renewal_here_is_announced_through_redis_too(copy):
    name, _slot = cached_in_the_copy("path:renewed-here")
    generation = copy.generation
    tokens.renew([name])
    wait_for_announcement(copy, generation)
    assert tokens.lookup("page", [name], "/trang/", len)[0] is None


def test_a_lost_subscription_empties_the_copy(copy):
    name, _slot = cached_in_the_copy("path:listener-lost")
    generation = copy.generation
    tokens.cache().get("probe")
    import redis

    redis.Redis.from_url("redis://127.0.0.1:6379/14").client_kill_filter(_type="pubsub")
    wait_for_announcement(copy, generation)  # the reset on disconnection
    assert tokens.lookup("page", [name], "/trang/", len)[0] is None

"""Each process's own copy of the tokens and cached pages it read last, kept exact by Redis.

A cached page costs one round trip to Redis (its tokens and its entry, `tokens.lookup`), and
under load that round trip is most of what a cached page costs (docs/benchmarks.md). So each
process keeps the token values and the page entries it read, and a thread of the process
listens on a Redis channel where `tokens.renew` announces every renewal. An announced token is
dropped from the copy the moment the message arrives, with every entry stamped with it: a
publication reaches every process within the message's trip (well under a millisecond on one
host or a LAN), as it reaches Redis.

Three rules keep the copy from ever serving what Redis would not:

- nothing is served from the copy unless the listener is subscribed and has heard from Redis
  within `MAX_SILENCE` seconds (it pings every `HEARTBEAT`); the copy is emptied when the
  subscription starts and whenever the connection is lost (Redis restarted, network), so a
  renewal announced while nobody listened cannot be missed, and a connection that went silent
  without closing (a network partition) stops the copy within seconds;
- a value read from Redis is remembered only if no announcement arrived while it was being read
  (`generation`), so a slow read never brings back a token renewed meanwhile;
- values are remembered only as read from Redis, never as this process stored them.

Only the page entries are kept (frozen responses, never changed once built), bounded in bytes
(`PORTAL_PAGE_CACHE_LOCAL_BYTES`, least recently served dropped first) and never past the
expiry they have in Redis. Other cached values are objects a request may use freely, and keep
their round trip.

It runs only where the shared cache is Redis (`django.core.cache.backends.redis.RedisCache`);
the local-memory cache of development and tests is already in the process.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings

logger = logging.getLogger(__name__)

CHANNEL = "portal:token-renewals"
RETRY_SECONDS = 1.0
HEARTBEAT = 1.0  # the listener pings Redis this often
MAX_SILENCE = 3.0  # nothing is served from a copy whose listener has not heard Redis for this long


class LocalCopy:
    """Token values and entries of one process, emptied by announcements (thread-safe)."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.live = False
        self.generation = 0
        self._heard = 0.0
        self._lock = threading.Lock()
        self._tokens: dict[str, str] = {}
        self._entries: OrderedDict[str, tuple[tuple[str, ...], Any, int, float]] = OrderedDict()
        self._bytes = 0

    def serving(self) -> bool:
        """Subscribed, and Redis heard from lately: the copy may answer."""
        return self.live and time.monotonic() - self._heard <= MAX_SILENCE

    def heard(self) -> None:
        self._heard = time.monotonic()

    def stamp(self, names: Sequence[str]) -> tuple[str, ...] | None:
        """The kept values of these tokens, or None unless all are kept and the copy serves."""
        if not self.serving():
            return None
        values = tuple(self._tokens.get(name, "") for name in names)
        return None if "" in values else values

    def entry(self, key: str, stamp: tuple[str, ...]) -> Any:
        with self._lock:
            kept = self._entries.get(key)
            if kept is None or kept[0] != stamp or kept[3] <= time.time() or not self.serving():
                return None
            self._entries.move_to_end(key)
            return kept[1]

    def remember(
        self,
        generation: int,
        names: Sequence[str],
        stamp: tuple[str, ...],
        entry: tuple[str, Any, int, float] | None = None,
    ) -> None:
        """Keep what one read from Redis returned, unless an announcement came during the read."""
        with self._lock:
            if not self.live or generation != self.generation:
                return
            self._tokens.update(zip(names, stamp, strict=True))
            if entry is None:
                return
            key, value, size, expires = entry
            if size > self.max_bytes:
                return
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= old[2]
            self._entries[key] = (stamp, value, size, expires)
            self._bytes += size
            while self._bytes > self.max_bytes:
                _key, (_stamp, _value, dropped, _expires) = self._entries.popitem(last=False)
                self._bytes -= dropped

    def forget(self, names: Iterable[str]) -> None:
        """Drop announced tokens and the entries stamped with them (they can never match again).

        Announcements come with publications, a few an hour; the scan is over the entries one
        process keeps (thousands at most).
        """
        with self._lock:
            self.generation += 1
            dropped = {self._tokens.pop(name, None) for name in names} - {None}
            if not dropped:
                return
            for key in [k for k, kept in self._entries.items() if dropped.intersection(kept[0])]:
                self._bytes -= self._entries.pop(key)[2]

    def reset(self, live: bool) -> None:
        with self._lock:
            self.generation += 1
            self.live = live
            self._heard = time.monotonic()
            self._tokens.clear()
            self._entries.clear()
            self._bytes = 0


def _redis_location() -> str | None:
    config = settings.CACHES.get(settings.PORTAL_PAGE_CACHE_ALIAS, {})
    if config.get("BACKEND") != "django.core.cache.backends.redis.RedisCache":
        return None
    location = config.get("LOCATION")
    if isinstance(location, list | tuple):
        location = location[0]
    return str(location) if location else None


def channel() -> str:
    """The channel's name, under the cache's own prefix and version (one per deployment)."""
    from core.caching.tokens import cache

    return cache().make_key(CHANNEL)


class Listener:
    """The thread that subscribes to the channel and applies announcements to the copy."""

    def __init__(self, copy: LocalCopy, location: str) -> None:
        self.copy = copy
        self.location = location
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, name="portal-token-listener", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.stopped.set()

    def _run(self) -> None:
        import redis

        name = channel()
        while not self.stopped.is_set():
            client = redis.Redis.from_url(self.location, socket_keepalive=True)
            pubsub = client.pubsub()
            try:
                pubsub.subscribe(name)
                pinged = 0.0
                while not self.stopped.is_set():
                    if time.monotonic() - pinged >= HEARTBEAT:
                        pubsub.ping()
                        pinged = time.monotonic()
                    message = pubsub.get_message(timeout=HEARTBEAT)
                    if message is None:
                        continue
                    self.copy.heard()  # any message (a pong too) proves the connection lives
                    if message["type"] == "subscribe":
                        self.copy.reset(live=True)
                    elif message["type"] == "message":
                        self.copy.forget(message["data"].decode().split(" "))
            except Exception as error:  # Redis away: serve nothing locally until back
                logger.warning("token listener disconnected: %s", type(error).__name__)
            finally:
                self.copy.reset(live=False)
                pubsub.close()
                client.close()
            self.stopped.wait(RETRY_SECONDS)


_lock = threading.Lock()
_state: dict[str, Any] = {}


def copy() -> LocalCopy | None:
    """This process's copy, its listener started on first use (after a fork, a new one)."""
    max_bytes = settings.PORTAL_PAGE_CACHE_LOCAL_BYTES
    location = _redis_location()
    if max_bytes <= 0 or location is None:
        return None
    if _state.get("pid") != os.getpid():
        with _lock:
            if _state.get("pid") != os.getpid():
                local = LocalCopy(max_bytes)
                listener = Listener(local, location)
                listener.start()
                _state.update(pid=os.getpid(), copy=local, listener=listener)
    return _state["copy"]


def announce(names: Iterable[str]) -> None:
    """Tell every process's listener that these tokens were renewed (after they were)."""
    location = _redis_location()
    if location is None:
        return
    if _state.get("publisher_pid") != os.getpid():
        import redis

        with _lock:
            _state.update(publisher_pid=os.getpid(), publisher=redis.Redis.from_url(location))
    _state["publisher"].publish(channel(), " ".join(sorted(set(names))))


def stop() -> None:
    """Stop this process's listener and forget its copy (settings changed, tests)."""
    with _lock:
        listener = _state.pop("listener", None)
        if listener is not None:
            listener.stop()
            listener.copy.reset(live=False)
        _state.pop("pid", None)
        _state.pop("copy", None)


def wait_until_live(seconds: float = 5.0) -> LocalCopy | None:
    """The copy once its listener is subscribed (for start-up checks and tests)."""
    local = copy()
    deadline = time.monotonic() + seconds
    while local is not None and not local.live and time.monotonic() < deadline:
        time.sleep(0.01)
    return local

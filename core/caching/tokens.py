"""Cache tokens: the one way the portal makes cached data stale, and the one key style it uses.

Nothing cached by the portal is ever deleted to purge it. Each cached value is kept with a
*stamp*: the values of the *tokens* it was built under, random strings kept in the shared cache
(Redis in production, so every process and server sees the same ones). A value is served only
while its stamp equals the tokens' current values, so renewing a token makes every value built
under the old one stale at once, wherever it is; the next build replaces it. A token that the
cache lost (evicted, restarted) comes back as a new random one, never an old one, so a lost token
can only cause a miss, never a stale answer.

The tokens and the value are read together, in one round trip to the cache (`lookup`): a cached
page costs one Redis request, whatever the number of tokens it depends on.

Key style (all under the cache's own `KEY_PREFIX`):

- tokens: ``portal:token:<name>``, e.g. ``portal:token:site``, ``portal:token:path:<digest>``,
  ``portal:token:counts``;
- values: ``portal:<area>:<digest>``, the digest of the token names and the value's own detail,
  e.g. ``portal:page:<digest>`` for a cached response, ``portal:structure:<digest>`` for the site
  structure, ``portal:count:<digest>`` for a listing count.

The names in use, and what renews them:

- ``site``: the site structure changed (a home, section or information page, a site, a locale,
  a view restriction, the site settings): every cached page and the site structure itself;
- ``path:<digest of a URL path>``: that URL's content changed (the page, or a listing, feed or
  language switch that shows a changed page);
- ``counts``: any publication, unpublication, move or deletion: every cached listing count;
- ``sitemap``, ``sitemap:<part>``, ``sitemap:__index__``: every sitemap file, one part, the
  sitemap index (`seo/purge.py`).

Every renewal follows one of the portal's change signals (`core/caching/signals.py`).
"""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import BaseCache, caches

from core.caching import local

T = TypeVar("T")

SITE = "site"
COUNTS = "counts"


def cache() -> BaseCache:
    """The shared cache every token and tokened value lives in."""
    return caches[settings.PORTAL_PAGE_CACHE_ALIAS]


def digest(text: str) -> str:
    """A short, fixed-length stand-in for arbitrary text (URL paths, SQL) inside a key."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def path_token(path: str) -> str:
    """The token name of one URL path."""
    return f"path:{digest(path)}"


def _key(name: str) -> str:
    return f"portal:token:{name}"


def _current(store: BaseCache, keys: list[str], found: dict[str, Any]) -> tuple[str, ...]:
    values = []
    for key in keys:
        value = found.get(key)
        if value is None:
            # `add` keeps a token another process created meanwhile: both then use the same one.
            store.add(key, uuid.uuid4().hex, timeout=None)
            value = store.get(key) or uuid.uuid4().hex
        values.append(value)
    return tuple(values)


def current(*names: str) -> list[str]:
    """The current value of each named token, in one round trip when they all exist."""
    store = cache()
    keys = [_key(name) for name in names]
    return list(_current(store, keys, store.get_many(keys)))


def renew(names: Iterable[str]) -> None:
    """Replace these tokens: whatever was cached under them becomes stale everywhere."""
    names = set(names)
    if names:
        cache().set_many({_key(name): uuid.uuid4().hex for name in names}, timeout=None)
        # Every process's own copy drops them too (`core/caching/local.py`).
        local.announce(names)


@dataclass(frozen=True)
class Slot:
    """Where one value is kept, and the tokens' values when it was looked up (its stamp)."""

    key: str
    stamp: tuple[str, ...]


def lookup(
    area: str, names: Sequence[str], detail: str = "", size: Callable[[Any], int] | None = None
) -> tuple[Any, Slot]:
    """The value kept in `area` for `detail` if built under the tokens' current values, else None.

    One round trip reads the tokens and the value. Store a new value with `keep(slot, ...)`: its
    stamp is the tokens as read *here*, before the caller read the database, so a change
    committed meanwhile (which renewed a token) leaves the new value stale rather than current.
    With `size` (how many bytes a value holds), values are immutable and also kept in the
    process's own copy (`core/caching/local.py`), which answers without a round trip.
    """
    slot_key = f"portal:{area}:{digest(repr((tuple(names), detail)))}"
    copy = local.copy() if size is not None else None
    generation = 0
    if copy is not None:
        generation = copy.generation
        stamp = copy.stamp(names)
        if stamp is not None:
            value = copy.entry(slot_key, stamp)
            if value is not None:
                return value, Slot(slot_key, stamp)
    store = cache()
    token_keys = [_key(name) for name in names]
    found = store.get_many([*token_keys, slot_key])
    stamp = _current(store, token_keys, found)
    entry = found.get(slot_key)
    value, expires = None, 0.0
    if (
        isinstance(entry, tuple)
        and len(entry) == 3
        and entry[0] == stamp
        and entry[2] > time.time()
    ):
        _stamp, value, expires = entry
    if copy is not None and size is not None:
        kept = (slot_key, value, size(value), expires) if value is not None else None
        copy.remember(generation, names, stamp, kept)
    return value, Slot(slot_key, stamp)


def keep(slot: Slot, value: Any, timeout: int) -> None:
    """Store a value looked up as missing, stamped with the tokens it was built under.

    The value carries its expiry too, so that a process's own copy of it ends when it does.
    """
    cache().set(slot.key, (slot.stamp, value, time.time() + timeout), timeout)


def cached(area: str, names: Sequence[str], detail: str, build: Callable[[], T], timeout: int) -> T:
    """The value kept for `detail` under these tokens, built and kept when missing or stale."""
    value, slot = lookup(area, names, detail)
    if value is None:
        value = build()
        keep(slot, value, timeout)
    return value

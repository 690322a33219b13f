"""Cache tokens: the one way the portal makes cached data stale, and the one key style it uses.

Nothing cached by the portal is ever deleted or overwritten to purge it. Each cached value is
stored under a key that contains one or more *tokens*: random strings kept in the shared cache
(Redis in production, so every process and server sees the same ones). Renewing a token makes
every key built from the old one unreachable at once; the orphans expire on their own timeout.
A token that the cache lost (evicted, restarted) comes back as a new random one, never an old
one, so a lost token can only cause a miss, never a stale answer.

Key style (all under the cache's own `KEY_PREFIX`):

- tokens: ``portal:token:<name>``, e.g. ``portal:token:site``, ``portal:token:path:<digest>``,
  ``portal:token:counts``;
- values: ``portal:<area>:<token>[:<token>...]:<digest>``, e.g. ``portal:page:<site>:<path>:<digest>``
  for a cached response, ``portal:structure:<site>`` for the site structure,
  ``portal:count:<counts>:<digest>`` for a listing count.

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
import uuid
from collections.abc import Iterable

from django.conf import settings
from django.core.cache import BaseCache, caches

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


def current(*names: str) -> list[str]:
    """The current value of each named token, in one round trip when they all exist."""
    store = cache()
    keys = [_key(name) for name in names]
    found = store.get_many(keys)
    values = []
    for key in keys:
        value = found.get(key)
        if value is None:
            # `add` keeps a token another process created meanwhile: both then use the same one.
            store.add(key, uuid.uuid4().hex, timeout=None)
            value = store.get(key) or uuid.uuid4().hex
        values.append(value)
    return values


def renew(names: Iterable[str]) -> None:
    """Replace these tokens: whatever was cached under them becomes unreachable everywhere."""
    keys = {_key(name): uuid.uuid4().hex for name in set(names)}
    if keys:
        cache().set_many(keys, timeout=None)


def key(area: str, tokens: Iterable[str], detail: str = "") -> str:
    """The cache key of a value in `area` stored under these token values (and a detail digest)."""
    parts = ["portal", area, *tokens]
    if detail:
        parts.append(digest(detail))
    return ":".join(parts)

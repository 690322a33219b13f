"""Counting unique visitors without cookies: a keyed hash under a random salt that lives two days.

The hash distinguishes visitors within one day and one site only; once the salt is deleted no
one, including us, can recompute or link it. Neither the inputs nor the hash are ever logged.
"""

import hashlib
import secrets
from datetime import date

from django.db import IntegrityError, transaction

from .models import DailySalt

# Salts are read on every hit; a worker keeps the current day's in memory (the DB is the truth,
# so every worker and server agrees on it).
_salts: dict[date, bytes] = {}


def salt_for(day: date) -> bytes:
    """The day's salt, created on first use (safely when several workers race to create it)."""
    salt = _salts.get(day)
    if salt is not None:
        return salt
    row = DailySalt.objects.filter(day=day).first()
    if row is None:
        try:
            with transaction.atomic():
                row = DailySalt.objects.create(day=day, secret=secrets.token_bytes(32))
        except IntegrityError:
            row = DailySalt.objects.get(day=day)
    _salts.clear()  # only the current day is worth keeping
    _salts[day] = salt = bytes(row.secret)
    return salt


def visitor_hash(day: date, ip: str, user_agent: str, site: str) -> int:
    """A signed 64-bit keyed BLAKE2b of the visitor's (IP, user agent, site) for `day`."""
    digest = hashlib.blake2b(
        "\x00".join((ip, user_agent, site)).encode("utf-8", "replace"),
        key=salt_for(day),
        digest_size=8,
    ).digest()
    return int.from_bytes(digest, "big", signed=True)


def forget_cached_salts() -> None:
    _salts.clear()

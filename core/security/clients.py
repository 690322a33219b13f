"""Who is asking, as a keyed hash: rate limits and login lockouts count per client without an IP.

The address is read once, hashed with the secret key and forgotten; caches and Axes only ever
see the hash, and the hash itself lives no longer than the cache window that counts it.
"""

import hashlib
import hmac
import ipaddress

from django.conf import settings
from django.http import HttpRequest

__all__ = ["client_address", "client_key", "client_pseudo_address"]


def client_address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or the one our trusted proxies put in X-Forwarded-For.

    With `PORTAL_TRUSTED_PROXY_COUNT = n`, the n-th address from the right of X-Forwarded-For is
    the one the outermost trusted proxy saw; anything left of it can be forged by the client.
    """
    proxies = getattr(settings, "PORTAL_TRUSTED_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def client_key(request: HttpRequest) -> str:
    """A stable, non-reversible identifier of the client (hex HMAC of its address)."""
    secret = settings.SECRET_KEY.encode()
    return hmac.new(
        secret, b"client:" + client_address(request).encode(), hashlib.sha256
    ).hexdigest()


def client_pseudo_address(request: HttpRequest) -> str:
    """The client key shaped as a unique-local IPv6 address, for tools that insist on an IP.

    django-axes stores and logs "the IP"; giving it fd00::/8 plus 120 bits of the HMAC keeps its
    per-source lockout working while no real address reaches its cache or its log lines.
    """
    digest = bytes.fromhex(client_key(request))[:15]
    return str(ipaddress.IPv6Address(b"\xfd" + digest))

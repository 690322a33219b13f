"""Browser policies as data: the public CSP, the admin CSP and the Permissions-Policy.

Settings compute them from the environment (`CSP_FRAME_ORIGINS`, `CSP_MEDIA_ORIGINS`); the
middleware in `core.security.headers` reads the results from the settings.
"""

from csp.constants import NONCE, NONE, SELF

__all__ = ["admin_csp", "permissions_policy", "public_csp"]


def public_csp(frame_origins: list[str], media_origins: list[str]) -> dict[str, list[str]]:
    """Readers' pages: only our own scripts, styles, images and frames; nothing inline.

    `frame_origins` lets a deployment allow a video host for embeds, `media_origins` an S3 or CDN
    host for uploads; both are empty by default, so no third party is trusted.
    """
    return {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, *media_origins],
        "media-src": [SELF, *media_origins],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *frame_origins],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
        "worker-src": [NONE],
        "manifest-src": [SELF],
    }


def admin_csp(frame_origins: list[str], media_origins: list[str]) -> dict[str, list[str]]:
    """The strictest policy Wagtail 8's admin works under (proved by the article editor test).

    Differences from the public policy, each needed by the admin: a per-response nonce granted
    only to Wagtail's own widget-initialising inline scripts (see `headers.py`), `data:` images
    and fonts (icons and editor widgets), `blob:` images (upload previews), framing by itself
    (the live preview panel), and inline styles: the admin's bundled libraries create `<style>`
    elements while the editor loads (CSS cannot run script; scripts stay nonce-only).
    """
    return {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:", *media_origins],
        "media-src": [SELF, "blob:", *media_origins],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, *frame_origins],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
        "worker-src": [SELF, "blob:"],
        "manifest-src": [SELF],
    }


# Features a news portal never uses are switched off for the page and every frame it embeds;
# fullscreen stays available to our own video player.
DISABLED_FEATURES = (
    "accelerometer",
    "autoplay",
    "browsing-topics",
    "camera",
    "display-capture",
    "encrypted-media",
    "gamepad",
    "geolocation",
    "gyroscope",
    "hid",
    "idle-detection",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
)


def permissions_policy() -> str:
    """The Permissions-Policy header value: every unused feature off, fullscreen for ourselves."""
    return ", ".join([*(f"{feature}=()" for feature in DISABLED_FEATURES), "fullscreen=(self)"])

"""The app's settings, with defaults: `PARTICIPATION = {...}` in the settings overrides any of them."""

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # Days after a question is answered (or rejected, withdrawn) or a consultation closes before
    # the asker's name, e-mail and phone are erased by `participation_purge`.
    "RETENTION_DAYS": 365,
    # A human needs a few seconds to fill a form; a bot posts at once.
    "MIN_FILL_SECONDS": 3,
    # A form older than this (a harvested token) is refused and shown again, filled in.
    "MAX_FORM_AGE_SECONDS": 24 * 60 * 60,
    # More links than this in one text reads as spam.
    "MAX_LINKS": 2,
    "QUESTION_MAX_LENGTH": 5000,
    "COMMENT_MAX_LENGTH": 5000,
    "FEEDBACK_MAX_LENGTH": 500,
    # The group whose members alone see citizens' personal data in the admin.
    "STAFF_GROUP": "Hỏi đáp",
}


def setting(name: str) -> Any:
    return getattr(settings, "PARTICIPATION", {}).get(name, DEFAULTS[name])

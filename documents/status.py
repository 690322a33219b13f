"""A document's legal status, derived from its dates and the documents that replace or amend it.

Never typed by hand: an editor records dates and relations, and the status follows, also as
days pass. A document page reads its incoming relations; listings compare dates kept on each
row (`replaced_from`, `amended_from`, see `documents/listed.py`) with today, so filtering by
status reads no other table and costs no query per document.
"""

from datetime import date

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

NOT_YET = "chua-co-hieu-luc"
IN_FORCE = "con-hieu-luc"
PARTLY_EXPIRED = "het-hieu-luc-mot-phan"
EXPIRED = "het-hieu-luc"

STATUS_CHOICES = [
    (NOT_YET, _("Chưa có hiệu lực")),
    (IN_FORCE, _("Còn hiệu lực")),
    (PARTLY_EXPIRED, _("Hết hiệu lực một phần")),
    (EXPIRED, _("Hết hiệu lực")),
]
STATUS_LABELS = dict(STATUS_CHOICES)

REPLACES = "thay-the"
AMENDS = "sua-doi"
GUIDES = "huong-dan"


def today() -> date:
    return timezone.localdate()


def derive_status(
    effective_from: date | None,
    expires_on: date | None,
    replaced: bool,
    amended: bool,
    on: date | None = None,
) -> str:
    on = on or today()
    if effective_from is not None and effective_from > on:
        return NOT_YET
    if replaced or (expires_on is not None and expires_on <= on):
        return EXPIRED
    if amended:
        return PARTLY_EXPIRED
    return IN_FORCE


def status_condition(status: str, on: date | None = None) -> Q:
    """A filter selecting the documents with this status, from dates on the document row alone.

    `replaced_from` and `amended_from` (`documents/listed.py`) hold when the first live replacing
    or amending document comes into force; compared with `on` here, never stored as a status.
    """
    on = on or today()
    started = Q(effective_from__lte=on)
    ended = Q(replaced_from__lte=on) | Q(expires_on__lte=on)
    amended = Q(amended_from__lte=on)
    if status == NOT_YET:
        return Q(effective_from__gt=on)
    if status == EXPIRED:
        return started & ended
    if status == PARTLY_EXPIRED:
        return started & ~ended & amended
    return started & ~ended & ~amended


def row_status(document, on: date | None = None) -> str:
    """The status of a row read with its `replaced_from` and `amended_from`, without a query."""
    on = on or today()
    replaced = document.replaced_from is not None and document.replaced_from <= on
    amended = document.amended_from is not None and document.amended_from <= on
    return derive_status(document.effective_from, document.expires_on, replaced, amended, on)

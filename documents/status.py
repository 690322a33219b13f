"""A document's legal status, derived from its dates and the documents that replace or amend it.

Never typed by hand: an editor records dates and relations, and the status follows, also as
days pass. Listings compute it in the same query as the rows (two EXISTS on the relation table),
so filtering by status costs no query per document.
"""

from datetime import date

from django.db.models import Exists, OuterRef, Q
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


def _acting(kind: str, on: date) -> Exists:
    """A live document in force by `on` that replaces (or amends) the outer document."""
    from documents.models import DocumentRelation

    return Exists(
        DocumentRelation.objects.filter(
            target=OuterRef("pk"),
            kind=kind,
            source__live=True,
            source__effective_from__lte=on,
        )
    )


def with_status(queryset, on: date | None = None):
    """The documents annotated with what their status needs (`is_replaced`, `is_amended`)."""
    on = on or today()
    return queryset.annotate(is_replaced=_acting(REPLACES, on), is_amended=_acting(AMENDS, on))


def status_condition(status: str, on: date | None = None) -> Q:
    """A filter on a queryset from `with_status` selecting the documents with this status."""
    on = on or today()
    started = Q(effective_from__lte=on)
    ended = Q(is_replaced=True) | Q(expires_on__lte=on)
    if status == NOT_YET:
        return Q(effective_from__gt=on)
    if status == EXPIRED:
        return started & ended
    if status == PARTLY_EXPIRED:
        return started & ~ended & Q(is_amended=True)
    return started & ~ended & Q(is_amended=False)

"""Who may see citizens' personal data, the withdrawal link, and the purge after the retention period."""

from datetime import timedelta

from django.core import signing
from django.db import transaction
from django.utils import timezone

from .conf import setting
from .models import DraftComment, Question

WITHDRAW_SALT = "participation.withdraw"
KINDS = {"q": Question, "c": DraftComment}


def can_see_personal_data(user) -> bool:
    """Only members of the "Hỏi đáp" group (superusers too must be members: the law asks for need)."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.groups.filter(name=setting("STAFF_GROUP")).exists()
    )


def withdrawal_token(submission: Question | DraftComment) -> str:
    """A signed token naming one submission; it needs no expiry: withdrawing ends with the answer."""
    kind = "q" if isinstance(submission, Question) else "c"
    return signing.dumps([kind, submission.reference], salt=WITHDRAW_SALT, compress=True)


def submission_for_token(token: str) -> Question | DraftComment | None:
    try:
        kind, reference = signing.loads(token, salt=WITHDRAW_SALT)
        model = KINDS[kind]
    except (signing.BadSignature, ValueError, KeyError, TypeError):
        return None
    return model.objects.filter(reference=reference).first()


def withdraw(submission: Question | DraftComment) -> bool:
    """Withdraw an unanswered submission and erase its personal data at once; False if too late."""
    with transaction.atomic():
        locked = type(submission).objects.select_for_update().get(pk=submission.pk)
        if locked.status not in locked.WITHDRAWABLE:
            return False
        locked.status = locked.Status.WITHDRAWN
        locked.decided_at = timezone.now()
        locked.erase_personal_data()
        locked.save()
    return True


def purge_due(now=None) -> dict[str, int]:
    """Erase personal data of submissions decided (or whose consultation closed) long enough ago."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=setting("RETENTION_DAYS"))
    blank = {"name": "", "email": "", "phone": "", "purged_at": now}
    questions = Question.objects.filter(
        purged_at__isnull=True,
        decided_at__lte=cutoff,
        status__in=[
            Question.Status.ANSWERED,
            Question.Status.PUBLISHED,
            Question.Status.REJECTED,
            Question.Status.WITHDRAWN,
        ],
    ).update(**blank)
    comments = DraftComment.objects.filter(
        purged_at__isnull=True, consultation__closes_at__lte=cutoff
    ).update(**blank)
    return {"questions": questions, "comments": comments}

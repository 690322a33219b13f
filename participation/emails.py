"""E-mails to citizens, through Django's e-mail framework: plain text plus an escaped HTML part.

The reader's own text is quoted in both parts; the HTML part is rendered with autoescaping, so a
`<script>` typed into a form arrives as text in every mail client.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import DraftComment, Question
from .privacy import withdrawal_token

logger = logging.getLogger("participation.emails")


def _absolute(submission: Question | DraftComment, path: str) -> str:
    """On the public site the submission was made on (the admin may live on another host)."""
    page = submission.index_page if isinstance(submission, Question) else submission.consultation
    site = page.get_site()
    root = site.root_url if site is not None else settings.WAGTAILADMIN_BASE_URL
    return root.rstrip("/") + path


def _send(template: str, subject: str, to: str, context: dict, language: str) -> bool:
    with translation.override(language):
        text = render_to_string(f"participation/emails/{template}.txt", context)
        html = render_to_string(f"participation/emails/{template}.html", context)
        subject = str(subject)
    message = EmailMultiAlternatives(subject, text, to=[to])
    message.attach_alternative(html, "text/html")
    try:
        message.send()
    except Exception:  # a mail outage must not lose the submission, already saved
        logger.exception("participation e-mail not sent", extra={"template": template})
        return False
    return True


def withdrawal_url(submission: Question | DraftComment) -> str:
    with translation.override(submission.language):
        path = reverse("participation:withdraw", args=[withdrawal_token(submission)])
    return _absolute(submission, path)


def send_acknowledgement(submission: Question | DraftComment) -> bool:
    from django.utils.translation import gettext_lazy as _

    if not submission.email:
        return False
    kind = "question" if isinstance(submission, Question) else "comment"
    with translation.override(submission.language):
        subject = str(_("Đã nhận %(kind)s, mã %(reference)s")) % {
            "kind": _("câu hỏi") if kind == "question" else _("góp ý"),
            "reference": submission.reference,
        }
    context = {
        "submission": submission,
        "kind": kind,
        "withdraw_url": withdrawal_url(submission),
    }
    return _send("acknowledgement", subject, submission.email, context, submission.language)


def send_answer_published(question: Question) -> bool:
    from django.utils.translation import gettext_lazy as _

    if not question.email:
        return False
    page = question.index_page
    with translation.override(question.language):
        subject = str(_("Câu hỏi %(reference)s đã được trả lời")) % {
            "reference": question.reference
        }
        url = page.get_full_url() or ""
        url = url.rstrip("/") + "/" + page.reverse_subpage("question", args=[question.reference])
    context = {"submission": question, "answer_url": url}
    return _send("answer_published", subject, question.email, context, question.language)

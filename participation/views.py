"""The public endpoints forms post to: never cached, CSRF by origin (see `origin`), rate-limited.

Each answers with a page: the "received" page with a reference code, the form again with its
errors (400), or a plain explanation (closed consultation, bad link). A bot that trips the
honeypot or the timing gets the "received" page without a reference, and nothing is stored.
"""

from typing import Any

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from core.security.ratelimit import rate_limited

from . import emails
from .forms import CommentForm, QuestionForm, UsefulForm
from .models import DraftComment, DraftConsultationPage, Question, QuestionIndexPage, UsefulVote
from .origin import same_origin_post
from .privacy import submission_for_token, withdraw
from .spam import started_token


def _live_page(model: type[Page], page_id: int) -> Any:
    page = model.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404
    return page


def _fresh_token(form) -> None:
    """The form shown again gets a new timestamp, so correcting it is not refused as expired."""
    form.data = form.data.copy()
    form.data["started"] = started_token()


def _page_response(
    request: HttpRequest, page: Page, template: str, status: int, **extra
) -> HttpResponse:
    context = page.get_context(request)
    context.update(extra)
    return TemplateResponse(request, template, context, status=status)


def _language(page: Page) -> str:
    return page.locale.language_code if page.locale_id else (get_language() or "vi")


def _store(form: Any, model: type[Any], **target: Any) -> Any:
    """Save a valid question or comment and acknowledge it by email; a bot's is dropped (None).

    `target` names what it is about (the questions page and topic, or the draft and article).
    """
    if form.looks_automated:
        return None
    data = form.cleaned_data
    page = next(value for value in target.values() if isinstance(value, Page))
    submission = model.objects.create(
        **target,
        text=data["text"],
        name=data["name"],
        email=data["email"],
        phone=data["phone"],
        language=_language(page),
        consented_at=timezone.now(),
    )
    transaction.on_commit(lambda: emails.send_acknowledgement(submission))
    return submission


@never_cache
@same_origin_post
@rate_limited("participation")
@require_POST
def ask(request: HttpRequest, page_id: int) -> HttpResponse:
    page = _live_page(QuestionIndexPage, page_id)
    form = QuestionForm(request.POST)
    if not form.is_valid():
        _fresh_token(form)
        return _page_response(
            request, page, "participation/question_form_page.html", 400, form=form
        )
    question = _store(form, Question, index_page=page, topic=form.cleaned_data["topic"])
    return _page_response(
        request, page, "participation/received.html", 200, submission=question, kind="question"
    )


@never_cache
@same_origin_post
@rate_limited("participation")
@require_POST
def comment(request: HttpRequest, page_id: int) -> HttpResponse:
    page = _live_page(DraftConsultationPage, page_id)
    template = page.get_template(request)
    if not page.is_open:
        return _page_response(request, page, template, 400, refused_closed=True, form=None)
    form = CommentForm(request.POST, article_choices=page.article_choices())
    if not form.is_valid():
        _fresh_token(form)
        return _page_response(request, page, template, 400, form=form)
    submission = _store(
        form, DraftComment, consultation=page, article_number=form.cleaned_data["article"]
    )
    return _page_response(
        request, page, "participation/received.html", 200, submission=submission, kind="comment"
    )


@never_cache
@same_origin_post
@rate_limited("useful")
@require_POST
def useful(request: HttpRequest, page_id: int) -> HttpResponse:
    page = _live_page(Page, page_id).specific_deferred
    form = UsefulForm(request.POST, prefix=UsefulForm.PREFIX)
    if not form.is_valid():
        _fresh_token(form)
        context = {"page": page, "useful_form": form, "form": form}
        return TemplateResponse(request, "participation/useful_form_page.html", context, status=400)
    if not form.looks_automated:
        UsefulVote.objects.create(
            page=page,
            day=timezone.localdate(),
            useful=form.cleaned_data["useful"],
            comment=form.cleaned_data["comment"],
        )
    return TemplateResponse(request, "participation/useful_thanks.html", {"page": page})


@never_cache
@same_origin_post
@rate_limited("participation")
@require_http_methods(["GET", "POST"])
def withdraw_view(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks for confirmation (mail scanners follow links); POST withdraws."""
    submission = submission_for_token(token)
    if submission is None:
        return TemplateResponse(
            request, "participation/withdraw.html", {"invalid": True}, status=404
        )
    context: dict[str, Any] = {"submission": submission, "token": token}
    if submission.status == submission.Status.WITHDRAWN:
        context["done"] = True
    elif submission.status not in submission.WITHDRAWABLE:
        context["too_late"] = True
    elif request.method == "POST":
        context["done"] = withdraw(submission)
        context["too_late"] = not context["done"]
    return TemplateResponse(request, "participation/withdraw.html", context)

"""The public list of answered questions: a search box and a topic filter over published rows only."""

from typing import Any

from django import forms
from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.search.backends import get_search_backend

from core.listing import paginate

from .models import QuestionIndexPage, Topic

# As site search: the newest matches, at most this many (a common word must not rank thousands).
RESULT_LIMIT = 200


class QuestionFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Tìm trong câu hỏi và câu trả lời"),
        max_length=200,
        required=False,
        error_messages={"max_length": _("Từ khóa dài tối đa %(limit_value)d ký tự.")},
    )
    topic = forms.ChoiceField(
        label=_("Lĩnh vực"),
        choices=[("", _("Tất cả lĩnh vực")), *Topic.choices],
        required=False,
        error_messages={"invalid_choice": _("Hãy chọn một lĩnh vực trong danh sách.")},
    )


def question_listing(page: QuestionIndexPage, request: HttpRequest) -> tuple[dict[str, Any], int]:
    """(context, status): the filtered answers, or the form's errors with 400."""
    form = QuestionFilterForm(request.GET or None)
    questions = page.published_questions()
    context: dict[str, Any] = {"filter_form": form, "query": "", "topic": ""}
    if form.is_bound and not form.is_valid():
        context["questions"] = paginate([], 1, settings.PORTAL_LISTING_PAGE_SIZE)
        return context, 400
    data = form.cleaned_data if form.is_bound else {"q": "", "topic": ""}
    if data["topic"]:
        questions = questions.filter(topic=data["topic"])
    if data["q"]:
        results = get_search_backend().search(
            data["q"], questions.order_by("-published_at"), operator="and", order_by_relevance=False
        )
        questions = list(results[:RESULT_LIMIT])
    context.update(query=data["q"], topic=data["topic"])
    context["questions"] = paginate(
        questions, request.GET.get("page"), settings.PORTAL_LISTING_PAGE_SIZE
    )
    return context, 200

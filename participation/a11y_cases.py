"""The participation pages the accessibility suite opens (a11y_tests/matrix.py asks here).

Page types are in the matrix already (one page of each type); these are the other states a
reader meets: the question form, an answer, a filtered list, a closed draft with its summary, and
the withdrawal confirmation. Form error states are answers to a POST, which the suite cannot
open; their markup (error summary linked to fields) is pinned by participation/tests.
"""

from typing import Any

KINDS = (
    "participation-ask",
    "participation-answer",
    "participation-search",
    "participation-withdraw",
    "consultation-closed",
)


def resolve(key: str, language: str, kind: str) -> Any:
    from django.urls import reverse
    from django.utils import timezone, translation

    from a11y_tests.matrix import NoSuchPage, PageCase

    from .models import DraftConsultationPage, Question, QuestionIndexPage
    from .privacy import withdrawal_token

    if kind == "consultation-closed":
        draft = (
            DraftConsultationPage.objects.live()
            .filter(locale__language_code=language, closes_at__lte=timezone.now())
            .first()
        )
        if draft is None:
            raise NoSuchPage(f"no closed draft in {language}")
        return PageCase(key, language, draft.get_url(), draft.title)
    page = QuestionIndexPage.objects.live().filter(locale__language_code=language).first()
    if page is None:
        raise NoSuchPage(f"no questions-and-answers page in {language}")
    base = page.get_url()
    if kind == "participation-ask":
        return PageCase(key, language, base + page.reverse_subpage("ask"), "ask")
    if kind == "participation-search":
        return PageCase(key, language, base + "?q=a&topic=khac", "questions search")
    questions = Question.objects.filter(index_page=page)
    if kind == "participation-answer":
        question = questions.filter(status=Question.Status.PUBLISHED).first()
        if question is None:
            raise NoSuchPage(f"no published answer in {language}")
        path = base + page.reverse_subpage("question", args=[question.reference])
        return PageCase(key, language, path, question.reference)
    waiting = questions.filter(status__in=Question.WITHDRAWABLE).first()
    if waiting is None:
        raise NoSuchPage(f"no question awaiting an answer in {language}")
    with translation.override(language):
        path = reverse("participation:withdraw", args=[withdrawal_token(waiting)])
    return PageCase(key, language, path, "withdraw")

"""Published answers (Hỏi đáp) in site search: a `SearchSource` for `Question` (core/search/sources.py).

An answer is not a page, so its index row is governed by the questions-and-answers page it is
published on (language, visibility, publication). The row holds only public text: the question's
opening as the title, the question as the lead, the answer as the body, never the asker's name,
e-mail or phone. It is written when a question is published and removed when it is unpublished,
rejected, withdrawn or deleted: the site-wide layer follows the saves and deletions of every
registered source's model (`sitewide/search/index.py`), so this app never imports it.
"""

import re
from collections.abc import Iterable
from typing import Any

from django.db.models import Model
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from core.search.sources import SearchResult, SearchRow, register

from .models import Question
from .models.pages import PUBLIC_QUESTION_FIELDS

TITLE_CHARACTERS = 120
SENTENCE_END = re.compile(r"(?<=[.?!])\s")


def question_title(text: str) -> str:
    """What a result shows as the title: the question's first sentence, cut at a word if long."""
    first = SENTENCE_END.split(" ".join(text.split()), maxsplit=1)[0]
    return Truncator(first).chars(TITLE_CHARACTERS)


class PublishedAnswers:
    """Questions published with their answer, found by the words of either."""

    model: type[Model] = Question
    type_name = "hoi-dap"
    verbose_name = _("Hỏi đáp")

    def _row(self, question: Question) -> SearchRow:
        return SearchRow(
            object_id=question.pk,
            page_id=question.index_page_id,
            locale_id=question.index_page.locale_id,
            published_at=question.published_at,
            title=question_title(question.text),
            lead=question.text,
            body=strip_tags(question.answer or ""),
        )

    def rows(self, objects: Iterable[Any]) -> list[SearchRow]:
        return [self._row(question) for question in objects if question.is_published]

    def all_rows(self) -> Iterable[SearchRow]:
        published = Question.objects.filter(status=Question.Status.PUBLISHED).select_related(
            "index_page"
        )
        return [self._row(question) for question in published.iterator()]

    def results(self, object_ids: list[int], request: Any) -> dict[int, SearchResult]:
        questions = (
            Question.objects.filter(pk__in=object_ids, status=Question.Status.PUBLISHED)
            .select_related("index_page")
            .only("index_page", *PUBLIC_QUESTION_FIELDS)
        )
        found = {}
        for question in questions:
            page = question.index_page
            base = page.get_url(request) or ""
            found[question.pk] = SearchResult(
                pk=question.pk,
                title=question_title(question.text),
                search_url=base.rstrip("/")
                + "/"
                + page.reverse_subpage("question", args=[question.reference]),
                search_type=str(self.verbose_name),
                search_section=page.title,
                first_published_at=question.published_at,
                summary=strip_tags(question.answer or ""),
            )
        return found


def connect() -> None:
    """Register the source (called from the app's `ready()`)."""
    register(PublishedAnswers())

"""Builders for the participation tests: the pages, a filled-in form, published questions."""

import time
from datetime import timedelta
from typing import Any

from django.core import signing
from django.utils import timezone

from participation.models import (
    ConsultationIndexPage,
    DraftConsultationPage,
    Question,
    QuestionIndexPage,
)
from participation.spam import SALT
from sitewide.models import StandardPage


def make_qa_page(home) -> QuestionIndexPage:
    privacy = StandardPage(title="Bảo vệ dữ liệu cá nhân", slug="bao-ve-du-lieu")
    home.add_child(instance=privacy)
    privacy.save_revision().publish()
    page = QuestionIndexPage(title="Hỏi đáp", slug="hoi-dap", privacy_page=privacy)
    home.add_child(instance=page)
    page.save_revision().publish()
    return QuestionIndexPage.objects.get(pk=page.pk)


def make_draft(home, opens_in_days: int = -1, closes_in_days: int = 30, **fields: Any):
    index = ConsultationIndexPage.objects.child_of(home).first()
    if index is None:
        index = ConsultationIndexPage(title="Lấy ý kiến dự thảo", slug="lay-y-kien")
        home.add_child(instance=index)
        index.save_revision().publish()
    now = timezone.now()
    draft = DraftConsultationPage(
        title=fields.pop("title", "Dự thảo Thông tư thử nghiệm"),
        slug=fields.pop("slug", "du-thao-thu"),
        lead="Dự thảo để thử.",
        drafting_body="Vụ Pháp chế",
        opens_at=now + timedelta(days=opens_in_days),
        closes_at=now + timedelta(days=closes_in_days),
        articles=[
            {"type": "article", "value": {"title": "Phạm vi", "text": "<p>Điều một.</p>"}},
            {"type": "article", "value": {"title": "Đối tượng", "text": "<p>Điều hai.</p>"}},
        ],
        **fields,
    )
    index.add_child(instance=draft)
    draft.save_revision().publish()
    return DraftConsultationPage.objects.get(pk=draft.pk)


def started(seconds_ago: int = 60) -> str:
    return signing.dumps(int(time.time()) - seconds_ago, salt=SALT)


def question_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "name": "Nguyễn Văn An",
        "email": "an.nguyen@example.vn",
        "phone": "0912 345 678",
        "topic": "chuyen-doi-so",
        "text": "Làm thế nào để đăng ký chữ ký số cho hộ kinh doanh?",
        "consent": "on",
        "website": "",
        "started": started(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def publish_question(page: QuestionIndexPage, text: str = "Câu hỏi đã trả lời?", **fields):
    now = timezone.now()
    defaults = {
        "index_page": page,
        "topic": "chuyen-doi-so",
        "text": text,
        "name": "Trần Thị Bình",
        "email": "binh@example.vn",
        "phone": "0987 654 321",
        "consented_at": now,
        "status": Question.Status.PUBLISHED,
        "answer": "<p>Câu trả lời của Bộ.</p>",
        "published_at": now,
        "decided_at": now,
    }
    defaults.update(fields)
    return Question.objects.create(**defaults)

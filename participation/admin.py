"""The moderation queues in the Wagtail admin: questions, comments on drafts, page feedback.

Personal data (name, e-mail, phone) is never a form field here: it is shown read-only, escaped,
and only to members of the "Hỏi đáp" group (`PersonalDataPanel`). Publishing an answer or a
comment purges the public pages that show it and e-mails the asker.
"""

from typing import Any

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList, Panel
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ViewSetGroup
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import emails
from .cache import purge_comment, purge_question
from .models import DraftComment, Question, UsefulVote
from .privacy import can_see_personal_data


class PersonalDataPanel(Panel):
    """The sender's name, e-mail and phone, read-only, for the "Hỏi đáp" group only."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "participation/admin/personal_data_panel.html"

        def is_shown(self) -> bool:
            return can_see_personal_data(self.request.user)

        def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
            context = super().get_context_data(parent_context)
            context["submission"] = self.instance
            return context


class FeedbackTextPanel(Panel):
    """A reader's comment on a page, read-only and escaped, with a link to the page."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "participation/admin/feedback_text_panel.html"

        def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
            context = super().get_context_data(parent_context)
            context["vote"] = self.instance
            return context


class SubmissionAdminForm(WagtailAdminModelForm):
    """Status changes with their rules: what each status needs, and what may not be undone."""

    needs_answer: tuple[str, ...] = ()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        model = self._meta.model
        before, after = self.instance.status, data.get("status")
        withdrawn = model.Status.WITHDRAWN
        if before == withdrawn and after != withdrawn:
            self.add_error("status", _("Người gửi đã rút nội dung này; không thể xử lý tiếp."))
        elif after == withdrawn and before != withdrawn:
            self.add_error("status", _("Chỉ người gửi mới rút được nội dung của mình."))
        if after == model.Status.REJECTED and not (data.get("rejection_reason") or "").strip():
            self.add_error("rejection_reason", _("Hãy ghi lý do từ chối."))
        if after in self.needs_answer and not _has_text(data.get("answer")):
            self.add_error(
                "answer", _("Hãy viết câu trả lời trước khi chuyển sang trạng thái này.")
            )
        return data

    def save(self, commit: bool = True) -> Any:
        instance = super().save(commit=False)
        before = self.initial.get("status")
        model = type(instance)
        now = timezone.now()
        final = {model.Status.PUBLISHED, model.Status.REJECTED} | set(self.needs_answer)
        if instance.status in final and instance.decided_at is None:
            instance.decided_at = now
        newly_published = (
            instance.status == model.Status.PUBLISHED and before != model.Status.PUBLISHED
        )
        if newly_published and hasattr(instance, "published_at"):
            instance.published_at = now
        if commit:
            instance.save()
        # After commit only: the purge and the e-mail must see the saved row.
        self.after_save(instance, before, newly_published)
        return instance

    def after_save(self, instance: Any, before: str | None, newly_published: bool) -> None:
        """Side effects once the change is committed (purges, e-mails)."""


def _has_text(html: Any) -> bool:
    from django.utils.html import strip_tags

    return bool(strip_tags(str(html or "")).strip())


class QuestionAdminForm(SubmissionAdminForm):
    needs_answer = (Question.Status.ANSWERED, Question.Status.PUBLISHED)

    def after_save(self, instance: Any, before: str | None, newly_published: bool) -> None:
        published = Question.Status.PUBLISHED
        if newly_published or before == published:
            transaction.on_commit(lambda: purge_question(instance))
        if newly_published:
            transaction.on_commit(lambda: emails.send_answer_published(instance))


class CommentAdminForm(SubmissionAdminForm):
    def after_save(self, instance: Any, before: str | None, newly_published: bool) -> None:
        if newly_published or before == DraftComment.Status.PUBLISHED:
            transaction.on_commit(lambda: purge_comment(instance))


class QuestionViewSet(ModelViewSet):
    model = Question
    name = "participation_questions"
    url_prefix = "participation/questions"
    icon = "help"
    menu_label = _("Câu hỏi")
    list_display = ["reference", "topic", "status", "unit", "created_at"]
    list_filter = ["status", "topic", "created_at"]
    search_fields = ["reference", "text", "unit"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = False
    edit_handler = ObjectList(
        [
            PersonalDataPanel(heading=_("Người hỏi (dữ liệu cá nhân)")),
            FieldPanel("topic"),
            FieldPanel(
                "text",
                help_text=_("Có thể biên tập để bỏ thông tin cá nhân trước khi công khai."),
            ),
            FieldPanel("status"),
            FieldPanel("unit"),
            FieldPanel("answer"),
            FieldPanel("rejection_reason"),
        ],
        base_form_class=QuestionAdminForm,
    )


class DraftCommentViewSet(ModelViewSet):
    model = DraftComment
    name = "participation_comments"
    url_prefix = "participation/comments"
    icon = "comment"
    menu_label = _("Góp ý dự thảo")
    list_display = ["reference", "consultation", "article_number", "status", "created_at"]
    list_filter = ["status", "consultation", "created_at"]
    search_fields = ["reference", "text"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = False
    edit_handler = ObjectList(
        [
            PersonalDataPanel(heading=_("Người góp ý (dữ liệu cá nhân)")),
            FieldPanel("text"),
            FieldPanel("article_number"),
            FieldPanel("status"),
            FieldPanel("rejection_reason"),
        ],
        base_form_class=CommentAdminForm,
    )


def _editable_votes(user) -> Any:
    """Feedback with a comment, on the pages this user may edit: it goes to that section's editors."""
    pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return (
        UsefulVote.objects.exclude(comment="")
        .filter(page__in=pages.values("pk"))
        .select_related("page")
    )


class FeedbackIndexView(IndexView):
    def get_base_queryset(self) -> Any:
        return _editable_votes(self.request.user)


class FeedbackEditView(EditView):
    def get_queryset(self) -> Any:
        return _editable_votes(self.request.user)


class FeedbackForm(WagtailAdminModelForm):
    class Meta:
        model = UsefulVote
        fields = ["handled"]
        widgets = {"handled": forms.CheckboxInput}


class PageFeedbackViewSet(ModelViewSet):
    """Free-text comments from "was this page useful?", for the editors of each page."""

    model = UsefulVote
    name = "participation_feedback"
    url_prefix = "participation/feedback"
    index_view_class = FeedbackIndexView
    edit_view_class = FeedbackEditView
    icon = "mail"
    menu_label = _("Góp ý về trang")
    list_display = ["comment", "page", "useful", "day", "handled"]
    list_filter = ["handled", "useful", "day"]
    copy_view_enabled = False
    inspect_view_enabled = False
    edit_handler = ObjectList(
        [
            FeedbackTextPanel(heading=_("Góp ý của người đọc")),
            FieldPanel("handled"),
        ],
        base_form_class=FeedbackForm,
    )


class ParticipationViewSetGroup(ViewSetGroup):
    menu_label = _("Tham gia của người dân")
    menu_icon = "group"
    menu_order = 250
    items = (QuestionViewSet, DraftCommentViewSet, PageFeedbackViewSet)

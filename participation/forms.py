"""The public forms: a question, a comment on a draft, a "was this page useful?" vote.

Labels and hints are what the reader sees; every error says what to do. Lengths are checked by
the server (never only by `maxlength`), so a 100 KB post gets a message, not a 500.
"""

from typing import Any

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from .conf import setting
from .models import Topic
from .spam import SpamGuardForm

PHONE = RegexValidator(
    r"^\+?[0-9][0-9 .\-]{7,18}$",
    _("Số điện thoại chỉ gồm chữ số (có thể bắt đầu bằng +), ví dụ 0912 345 678."),
)


class PersonalDataForm(SpamGuardForm):
    """Who is writing, and their consent (Law 91/2025 on personal data protection)."""

    name = forms.CharField(
        label=_("Họ và tên"),
        max_length=120,
        error_messages={"required": _("Hãy nhập họ và tên.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Thư điện tử"),
        max_length=254,
        help_text=_("Để nhận mã tra cứu và thông báo khi có trả lời. Không công khai."),
        error_messages={
            "required": _("Hãy nhập địa chỉ thư điện tử."),
            "invalid": _("Địa chỉ thư điện tử chưa đúng, ví dụ: ten@example.vn."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Số điện thoại (không bắt buộc)"),
        max_length=20,
        required=False,
        validators=[PHONE],
        help_text=_("Chỉ dùng khi cán bộ cần hỏi lại. Không công khai."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    consent = forms.BooleanField(
        label=_("Tôi đồng ý để Bộ xử lý các dữ liệu cá nhân trên"),
        help_text=_(
            "Theo Luật Bảo vệ dữ liệu cá nhân (Luật số 91/2025/QH15), họ tên, thư điện tử và số điện thoại bạn cung cấp chỉ được dùng để xử lý và trả lời nội dung này; công khai chỉ có tên viết tắt. Dữ liệu được xóa sau thời hạn lưu trữ; bạn có thể rút nội dung chưa được xử lý bằng đường dẫn trong thư xác nhận."
        ),
        error_messages={
            "required": _(
                "Hãy đánh dấu đồng ý xử lý dữ liệu cá nhân để gửi; nếu không, chúng tôi không thể trả lời bạn."
            )
        },
    )

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not any(ch.isalpha() for ch in name):
            raise forms.ValidationError(_("Họ và tên cần có chữ cái."), code="name")
        return name


def _text_field(label, max_length: int, required: bool = True, help_text: Any = "") -> Any:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        strip=True,
        error_messages={
            "required": _("Hãy nhập nội dung."),
            "max_length": _(
                "Nội dung dài tối đa %(limit_value)d ký tự (hiện có %(show_value)d ký tự)."
            ),
        },
        widget=forms.Textarea(attrs={"rows": 8}),
    )


class QuestionForm(PersonalDataForm):
    topic = forms.ChoiceField(
        label=_("Lĩnh vực"),
        choices=[("", _("Chọn lĩnh vực")), *Topic.choices],
        error_messages={
            "required": _("Hãy chọn lĩnh vực của câu hỏi."),
            "invalid_choice": _("Hãy chọn một lĩnh vực trong danh sách."),
        },
    )
    text = _text_field(
        _("Câu hỏi"),
        setting("QUESTION_MAX_LENGTH"),
        help_text=_(
            "Tối đa 5.000 ký tự. Nội dung được hiện đúng như chữ bạn gõ; không ghi số giấy tờ tùy thân."
        ),
    )

    field_order = ["name", "email", "phone", "topic", "text", "consent", "website", "started"]

    def clean_text(self) -> str:
        return self.check_links("text")


class CommentForm(PersonalDataForm):
    article = forms.ChoiceField(label=_("Góp ý cho"), required=False)
    text = _text_field(
        _("Nội dung góp ý"),
        setting("COMMENT_MAX_LENGTH"),
        help_text=_("Tối đa 5.000 ký tự. Hãy nêu điều, khoản bạn muốn sửa và đề xuất của bạn."),
    )

    field_order = ["name", "email", "phone", "article", "text", "consent", "website", "started"]

    def __init__(self, *args: Any, article_choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["article"].choices = article_choices
        self.fields["article"].error_messages["invalid_choice"] = _(
            "Hãy chọn một điều có trong dự thảo, hoặc “Toàn bộ dự thảo”."
        )

    def clean_text(self) -> str:
        return self.check_links("text")

    def clean_article(self) -> int | None:
        value = self.cleaned_data.get("article")
        return int(value) if value else None


class UsefulForm(SpamGuardForm):
    # Prefixed: the form sits at the foot of pages that have other forms (search, display).
    PREFIX = "useful"

    useful = forms.TypedChoiceField(
        label=_("Trang này có hữu ích không?"),
        choices=[("yes", _("Có")), ("no", _("Không"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Hãy chọn Có hoặc Không.")},
    )
    comment = _text_field(
        _("Góp ý thêm (không bắt buộc)"),
        setting("FEEDBACK_MAX_LENGTH"),
        required=False,
        help_text=_(
            "Tối đa 500 ký tự. Đừng ghi thông tin cá nhân: chúng tôi không trả lời góp ý này."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["comment"].widget.attrs["rows"] = 3

    def clean_comment(self) -> str:
        return self.check_links("comment")

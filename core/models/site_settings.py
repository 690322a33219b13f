"""Contact details and footer text an administrator edits without a deployment."""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from core.caching.structure import get_structure, in_request


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    portal_name = models.CharField(
        _("tên cổng thông tin"),
        max_length=200,
        default="Cổng thông tin điện tử Bộ",
        help_text=_("Hiện ở đầu trang và cuối tiêu đề mỗi trang."),
    )
    portal_name_en = models.CharField(
        _("tên cổng thông tin (tiếng Anh)"),
        max_length=200,
        default="Ministry Portal",
        help_text=_("Dùng trên các trang tiếng Anh."),
    )
    owner = models.CharField(
        _("cơ quan chủ quản"),
        max_length=255,
        blank=True,
        help_text=_("Cơ quan chịu trách nhiệm nội dung, hiện ở chân trang."),
    )
    logo = models.ImageField(
        _("biểu trưng"),
        upload_to="site/",
        blank=True,
        help_text=_(
            "Ảnh PNG hoặc JPG của cơ quan, dùng trong dữ liệu có cấu trúc cho công cụ tìm kiếm. "
            "Để trống để dùng quốc huy mặc định."
        ),
    )
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    accessibility_email = models.EmailField(
        _("thư điện tử báo rào cản tiếp cận"),
        blank=True,
        help_text=_("Người đọc gặp khó khăn khi truy cập sẽ gửi thư về địa chỉ này."),
    )
    accessibility_statement = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("trang tuyên bố hỗ trợ tiếp cận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Liên kết ở chân mọi trang; bản tiếng Anh được dùng trên các trang tiếng Anh."),
    )
    licence_note = models.CharField(
        _("giấy phép"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Giấy phép số ... do Bộ Thông tin và Truyền thông cấp."),
    )

    panels = [
        FieldPanel("portal_name"),
        FieldPanel("portal_name_en"),
        FieldPanel("owner"),
        FieldPanel("logo"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("accessibility_email"),
        FieldPanel("accessibility_statement"),
        FieldPanel("licence_note"),
    ]

    class Meta:
        verbose_name = _("thông tin cổng")

    # The footer links the statement on every page: read with the settings, not after.
    select_related = ["accessibility_statement"]

    @classmethod
    def for_site(cls, site: Site | None) -> Any:
        """Wagtail's, answered from the site structure (no query) once the row exists."""
        found = (
            get_structure().site_settings.get(site.pk)
            if site is not None and in_request()
            else None
        )
        return found if found is not None else super().for_site(site)

    def name_for(self, language_code: str) -> str:
        """The portal's name in the reader's language (English pages must not show Vietnamese chrome)."""
        return self.portal_name_en if language_code.startswith("en") else self.portal_name

"""Authoring that prevents barriers: the portal's own rules in Wagtail's content checker.

Wagtail runs axe-core in the userbar (on a live page) and in the editor's preview panel; both take
their configuration from the `construct_wagtail_userbar` hook, so one checker class covers both.
"""

from typing import Any

from django.forms import Media
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem

__all__ = ["VAGUE_LINK_PHRASES", "PortalContentChecker"]

# Link text that says nothing out of context (WCAG 2.4.4): a screen-reader user listing the
# page's links hears only these words. Compared after lower-casing and trimming punctuation.
VAGUE_LINK_PHRASES = [
    "bấm vào đây",
    "bấm đây",
    "nhấn vào đây",
    "nhấn đây",
    "click vào đây",
    "tại đây",
    "ở đây",
    "đây",
    "xem thêm",
    "xem tiếp",
    "chi tiết",
    "xem chi tiết",
    "đọc thêm",
    "tải về",
    "liên kết",
    "click here",
    "click",
    "here",
    "read more",
    "more",
    "see more",
    "learn more",
    "details",
    "link",
    "download",
]

# Alt text that is a file name: an extension, a camera's default name, or a slug of three or more
# parts ("anh-hoi-nghi-2026"). Editors paste these when an upload's title becomes its alt text.
FILE_NAME_ALT_PATTERN = (
    r"\.(avif|bmp|gif|heic|jpe?g|png|svg|tiff?|webp)\s*$"
    r"|^\s*(img|dsc|dscn|dcim|pxl|mvimg|screenshot|screen shot|ảnh chụp màn hình)[\s_-]*\d"
    r"|^\s*[\w]+([_-][\w]+){2,}\s*$"
)


class PortalContentChecker(ContentCheckerItem):
    """Wagtail's checker plus the portal's rules; the evaluate functions without a built-in
    equivalent live in static/js/content-checks.js, registered through the userbar's own API."""

    portal_rules = [
        {
            # The alt text is the image's own file name (compared with the src) or looks like one.
            "id": "portal-alt-file-name",
            "impact": "serious",
            "selector": "img[alt]",
            "tags": ["wcag2a", "wcag111", "portal"],
            "any": ["portal-alt-not-file-name"],
            "enabled": True,
        },
        {
            "id": "portal-vague-link-text",
            "impact": "serious",
            "selector": "a[href]",
            "tags": ["wcag2a", "wcag244", "portal"],
            "any": ["portal-link-text-has-purpose"],
            "enabled": True,
        },
        {
            # A data table needs header cells so each number is read with its row and column.
            # axe-core's own "has-descendant" evaluator, so no script is needed for this one.
            "id": "portal-table-header-cells",
            "impact": "serious",
            "selector": "table:not([role='presentation']):not([role='none'])",
            "tags": ["wcag2a", "wcag131", "portal"],
            "any": ["portal-table-has-th"],
            "enabled": True,
        },
    ]

    def get_axe_run_only(self, request: HttpRequest) -> list[str]:
        extra = ["heading-order", "page-has-heading-one", "empty-table-header", "image-alt"]
        rules = [*super().get_axe_run_only(request), *extra, *(r["id"] for r in self.portal_rules)]
        return list(dict.fromkeys(rules))

    def get_axe_custom_rules(self, request: HttpRequest) -> list[dict[str, Any]]:
        return [*super().get_axe_custom_rules(request), *self.portal_rules]

    def get_axe_custom_checks(self, request: HttpRequest) -> list[dict[str, Any]]:
        return [
            *super().get_axe_custom_checks(request),
            {"id": "portal-alt-not-file-name", "options": {"pattern": FILE_NAME_ALT_PATTERN}},
            {"id": "portal-link-text-has-purpose", "options": {"phrases": VAGUE_LINK_PHRASES}},
            {
                "id": "portal-table-has-th",
                "evaluate": "has-descendant-evaluate",
                "options": {"selector": "th, [role='columnheader'], [role='rowheader']"},
            },
        ]

    def get_axe_messages(self, request: HttpRequest) -> dict[str, Any]:
        messages = dict(super().get_axe_messages(request))
        messages.update(
            {
                "portal-alt-file-name": {
                    "error_name": _("Văn bản thay thế của ảnh là tên tệp"),
                    "help_text": _(
                        "Viết điều ảnh cho thấy, ví dụ “Đại biểu bỏ phiếu tại hội nghị”, "
                        "không dùng tên tệp như “IMG_2031.jpg”."
                    ),
                },
                "portal-vague-link-text": {
                    "error_name": _("Chữ của liên kết không nói nó dẫn tới đâu"),
                    "help_text": _(
                        "Tránh “bấm vào đây”, “xem thêm”: hãy dùng chính tên trang hoặc tài liệu "
                        "làm chữ liên kết."
                    ),
                },
                "portal-table-header-cells": {
                    "error_name": _("Bảng không có ô tiêu đề"),
                    "help_text": _("Đánh dấu hàng đầu (và cột đầu nếu cần) là tiêu đề của bảng."),
                },
                "heading-order": {
                    "error_name": _("Tiêu đề nhảy cấp"),
                    "help_text": _(
                        "Không bỏ qua cấp tiêu đề: sau cấp 2 là cấp 3, không phải cấp 4."
                    ),
                },
                "page-has-heading-one": {
                    "error_name": _("Trang không có tiêu đề cấp 1"),
                    "help_text": _("Tiêu đề trang phải là tiêu đề cấp 1 duy nhất."),
                },
                "image-alt": {
                    "error_name": _("Ảnh thiếu văn bản thay thế"),
                    "help_text": _("Mô tả ảnh, hoặc đánh dấu ảnh là trang trí."),
                },
            }
        )
        return messages

    @property
    def media(self) -> Media:
        # Loaded right after Wagtail's userbar script and before the page's load event, which is
        # when the userbar configures axe: the checks are registered in time.
        return Media(js=["js/content-checks.js"])


@hooks.register("construct_wagtail_userbar")
def use_portal_content_checker(request: HttpRequest, items: list, page: Any = None) -> None:
    """Swap Wagtail's checker for ours, in the userbar and in the editor's checks panel alike."""
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, PortalContentChecker):
            items[index] = PortalContentChecker(in_editor=getattr(item, "in_editor", False))

"""An image in a story: alt text is required unless the editor says the image is decorative."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

__all__ = ["AccessibleImageBlock"]


class AccessibleImageBlock(blocks.StructBlock):
    # Wagtail's ImageBlock already carries the alt text and the "decorative" switch, and refuses
    # an image that has neither; we add what a news photo needs beside it.
    image = ImageBlock(label=_("ảnh"))
    caption = blocks.CharBlock(
        label=_("chú thích"),
        required=False,
        max_length=500,
        help_text=_("Hiện dưới ảnh cho mọi người đọc; không thay cho văn bản thay thế."),
    )
    credit = blocks.CharBlock(
        label=_("nguồn ảnh"),
        required=False,
        max_length=255,
        help_text=_("Để trống để dùng nguồn ghi trong thư viện ảnh."),
    )

    class Meta:
        icon = "image"
        label = _("Ảnh")
        template = "components/blocks/image.html"

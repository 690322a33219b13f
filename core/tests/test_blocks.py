"""Shared body blocks refuse what a disabled reader could not use, but let drafts be incomplete."""

import pytest
from django.core.exceptions import ValidationError

from core.blocks import (
    AccessibleImageBlock,
    CaptionedTableBlock,
    EmbedWithTitleBlock,
    HeadingBlock,
)
from testsupport import make_image

pytestmark = pytest.mark.django_db

TABLE = {
    "data": [["Quý", "Hồ sơ"], ["I", "12"]],
    "table_caption": "Hồ sơ theo quý",
    "table_header_choice": "row",
    "first_col_is_header": False,
    "first_row_is_table_header": True,
}


def test_table_without_caption_is_refused():
    with pytest.raises(ValidationError, match="tiêu đề"):
        CaptionedTableBlock().clean({**TABLE, "table_caption": " "})


def test_table_without_header_row_is_refused():
    with pytest.raises(ValidationError, match="hàng tiêu đề"):
        CaptionedTableBlock().clean({**TABLE, "table_header_choice": "column"})


def test_table_with_caption_and_header_row_is_accepted():
    assert CaptionedTableBlock().clean(dict(TABLE))["first_row_is_table_header"] is True


def test_incomplete_table_may_be_saved_in_a_draft():
    block = CaptionedTableBlock()
    block.defer_required_validation()
    assert block.clean({**TABLE, "table_caption": ""})["table_caption"] == ""


def test_table_renders_caption_and_scoped_headers():
    html = CaptionedTableBlock().render(
        CaptionedTableBlock().to_python({**TABLE, "first_col_is_header": True})
    )
    assert "<caption>Hồ sơ theo quý</caption>" in html
    assert '<th scope="col">Quý</th>' in html and '<th scope="row">I</th>' in html


def test_image_needs_alt_text_unless_decorative():
    block = AccessibleImageBlock()
    image = make_image()
    value = block.to_python(
        {"image": {"image": image.pk, "decorative": False, "alt_text": ""}, "caption": ""}
    )
    with pytest.raises(ValidationError):
        block.clean(value)
    decorative = block.to_python(
        {"image": {"image": image.pk, "decorative": True, "alt_text": ""}, "caption": ""}
    )
    assert block.clean(decorative)["image"].decorative is True


def test_image_block_renders_alt_caption_and_credit():
    block = AccessibleImageBlock()
    image = make_image()
    image.credit = "Ảnh: Trung tâm Thông tin"
    image.save()
    value = block.to_python(
        {
            "image": {"image": image.pk, "decorative": False, "alt_text": "Cầu Rồng lúc hoàng hôn"},
            "caption": "Đà Nẵng",
        }
    )
    html = block.render(value)
    assert 'alt="Cầu Rồng lúc hoàng hôn"' in html
    assert "<figcaption>Đà Nẵng" in html and "Ảnh: Trung tâm Thông tin" in html


def test_heading_level_is_chosen_explicitly_and_never_h1():
    block = HeadingBlock()
    levels = [choice[0] for choice in block.child_blocks["level"].field.choices]
    assert "h1" not in levels and set(levels) >= {"h2", "h3", "h4"}
    assert (
        block.render(block.to_python({"text": "Kết quả", "level": "h3"})).strip()
        == "<h3>Kết quả</h3>"
    )


def test_embed_requires_a_title_for_its_frame():
    block = EmbedWithTitleBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"embed": "https://video.example.gov.vn/x", "title": ""}))

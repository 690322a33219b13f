"""Publishing guards: a draft may be incomplete, but what a blind or deaf reader cannot use is never published.

Each guard is proven twice: on the model's rule, and through the real Wagtail editor, where
"save draft" succeeds and "publish" (or "submit for moderation") is refused with a Vietnamese
message on the field that is wrong.
"""

import pytest

from media_products.models import (
    AudioPage,
    EMagazinePage,
    InfographicPage,
    PhotoStoryPage,
    VideoPage,
)

from .admin_forms import add_url, edit_url, editor_form, post_action, rich_text, stream
from .factories import PRODUCT_MODELS, TRANSCRIPT, add_product, complete_fields

pytestmark = pytest.mark.django_db

EMPTY_RICH_TEXT = rich_text("")


def _problems(model, **data):
    return model.publishing_problems(data)


# --- The rules ---------------------------------------------------------------------------------


def test_a_complete_video_has_no_publishing_problems(files):
    assert (
        _problems(
            VideoPage, video=files["video"], captions=files["captions"], transcript=TRANSCRIPT
        )
        == {}
    )


def test_video_without_captions_is_refused_on_the_captions_field(files):
    problems = _problems(VideoPage, video=files["video"], captions=None, transcript=TRANSCRIPT)
    assert list(problems) == ["captions"]
    assert "phụ đề" in problems["captions"]


def test_video_without_transcript_is_refused_on_the_transcript_field(files):
    problems = _problems(
        VideoPage, video=files["video"], captions=files["captions"], transcript="<p> </p>"
    )
    assert list(problems) == ["transcript"]
    assert "bản ghi lời" in problems["transcript"]


def test_an_audio_file_cannot_be_published_as_a_video(files):
    problems = _problems(
        VideoPage, video=files["audio"], captions=files["captions"], transcript=TRANSCRIPT
    )
    assert list(problems) == ["video"]


def test_audio_without_transcript_is_refused(files):
    problems = _problems(
        AudioPage, audio=files["audio"], series=files["series"], episode_number=3, transcript=""
    )
    assert list(problems) == ["transcript"]


def test_a_podcast_episode_needs_its_series_and_number(files):
    problems = _problems(
        AudioPage, audio=files["audio"], transcript=TRANSCRIPT, series=None, episode_number=None
    )
    assert set(problems) == {"series", "episode_number"}


def test_infographic_without_text_description_is_refused(image):
    problems = _problems(InfographicPage, graphic=image, graphic_alt="Biểu đồ", text_description=[])
    assert list(problems) == ["text_description"]
    assert "mô tả bằng chữ" in problems["text_description"]


def test_photo_without_alt_text_is_refused_and_named_by_number(image):
    image.description = ""
    image.save()
    block = PhotoStoryPage.photos.field.stream_block
    photos = block.to_python(
        [
            {
                "type": "photo",
                "value": {"image": image.pk, "alt_text": "Cây cầu", "caption": "Một"},
            },
            {"type": "photo", "value": {"image": image.pk, "alt_text": "", "caption": "Hai"}},
        ]
    )
    problems = _problems(PhotoStoryPage, photos=photos)
    assert list(problems) == ["photos"]
    assert "Ảnh số 2 " in problems["photos"]


def test_a_photo_may_take_its_alt_text_from_the_image_library(image):
    photos = PhotoStoryPage.photos.field.stream_block.to_python(
        [{"type": "photo", "value": {"image": image.pk, "alt_text": "", "caption": "Một"}}]
    )
    assert _problems(PhotoStoryPage, photos=photos) == {}


def test_an_emagazine_whose_headings_skip_a_level_is_refused():
    body = EMagazinePage.body.field.stream_block.to_python(
        [
            {"type": "heading", "value": {"text": "Mở đầu", "level": "h2"}},
            {"type": "heading", "value": {"text": "Chi tiết", "level": "h4"}},
        ]
    )
    problems = _problems(EMagazinePage, body=body)
    assert "cấp 2 xuống cấp 4" in problems["body"]


def test_a_featured_image_without_any_alt_text_is_refused(image, files):
    image.description = ""
    problems = _problems(
        VideoPage,
        video=files["video"],
        captions=files["captions"],
        transcript=TRANSCRIPT,
        featured_image=image,
        featured_image_alt="",
    )
    assert list(problems) == ["featured_image_alt"]


# --- Through the Wagtail editor ----------------------------------------------------------------


def _draft_video(media_index, files, **fields):
    values = {
        "video": files["video"],
        "captions": files["captions"],
        "transcript": TRANSCRIPT,
        **fields,
    }
    return add_product(media_index, VideoPage, "Video chờ duyệt", publish=False, **values)


def test_video_without_captions_cannot_be_published(admin_client, media_index, files):
    page = _draft_video(media_index, files, captions=None)
    data = editor_form(admin_client, edit_url(page))
    response = post_action(admin_client, edit_url(page), data, "publish")
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "captions" in errors and "phụ đề" in errors["captions"][0]
    page.refresh_from_db()
    assert not page.live


def test_video_without_captions_can_be_saved_as_a_draft(admin_client, media_index, files):
    page = _draft_video(media_index, files, captions=None)
    data = editor_form(admin_client, edit_url(page), lead="Sa pô đã sửa.")
    response = post_action(admin_client, edit_url(page), data, "draft")
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live and page.get_latest_revision_as_object().lead == "Sa pô đã sửa."


def test_video_without_captions_cannot_be_submitted_for_moderation(
    admin_client, media_index, files
):
    page = _draft_video(media_index, files, captions=None)
    response = post_action(
        admin_client, edit_url(page), editor_form(admin_client, edit_url(page)), "submit"
    )
    assert response.status_code == 200 and "captions" in response.context["form"].errors
    assert page.current_workflow_state is None


def test_video_without_transcript_cannot_be_published(admin_client, media_index, files):
    page = _draft_video(media_index, files)
    data = editor_form(admin_client, edit_url(page), transcript=EMPTY_RICH_TEXT)
    response = post_action(admin_client, edit_url(page), data, "publish")
    assert response.status_code == 200 and "transcript" in response.context["form"].errors
    assert post_action(admin_client, edit_url(page), data, "draft").status_code == 302
    page.refresh_from_db()
    assert not page.live


def test_audio_without_transcript_cannot_be_published(admin_client, media_index, files):
    page = add_product(
        media_index,
        AudioPage,
        "Tập 1",
        publish=False,
        audio=files["audio"],
        series=files["series"],
        episode_number=1,
    )
    data = editor_form(admin_client, edit_url(page))
    response = post_action(admin_client, edit_url(page), data, "publish")
    assert response.status_code == 200
    assert "bản ghi lời" in response.context["form"].errors["transcript"][0]
    assert post_action(admin_client, edit_url(page), data, "draft").status_code == 302
    page.refresh_from_db()
    assert not page.live


def test_infographic_without_text_description_cannot_be_published(admin_client, media_index, image):
    page = add_product(media_index, InfographicPage, "Đồ họa", publish=False, graphic=image)
    data = editor_form(admin_client, edit_url(page), **stream("text_description", []))
    response = post_action(admin_client, edit_url(page), data, "publish")
    assert response.status_code == 200 and "text_description" in response.context["form"].errors
    assert post_action(admin_client, edit_url(page), data, "draft").status_code == 302
    page.refresh_from_db()
    assert not page.live


def test_photo_without_alt_text_cannot_be_published(admin_client, media_index, image):
    image.description = ""
    image.save()
    page = add_product(media_index, PhotoStoryPage, "Phóng sự ảnh", publish=False)
    photos = [
        (
            "photo",
            {"image": image.pk, "alt_text": "", "caption": "Cầu lúc hoàng hôn.", "credit": ""},
        )
    ]
    data = editor_form(admin_client, edit_url(page), **stream("photos", photos))
    response = post_action(admin_client, edit_url(page), data, "publish")
    assert response.status_code == 200
    assert "Ảnh số 1 " in response.context["form"].errors["photos"][0]
    assert post_action(admin_client, edit_url(page), data, "draft").status_code == 302
    page.refresh_from_db()
    assert not page.live and len(page.get_latest_revision_as_object().photos) == 1


def test_emagazine_with_a_skipped_heading_level_cannot_be_published(admin_client, media_index):
    page = add_product(media_index, EMagazinePage, "Tạp chí", publish=False)
    body = [
        ("heading", {"text": "Mở đầu", "level": "h2"}),
        ("heading", {"text": "Chi tiết", "level": "h4"}),
    ]
    data = editor_form(admin_client, edit_url(page), **stream("body", body))
    response = post_action(admin_client, edit_url(page), data, "publish")
    assert response.status_code == 200 and "body" in response.context["form"].errors


@pytest.mark.parametrize("model", PRODUCT_MODELS, ids=lambda m: m.__name__)
def test_a_complete_product_of_every_type_is_published_from_the_editor(
    admin_client, media_index, files, image, model
):
    fields = complete_fields(model, image, **files)
    streams = {
        name: fields.pop(name) for name in ("photos", "text_description", "body") if name in fields
    }
    page = add_product(media_index, model, f"Sản phẩm {model.__name__}", publish=False, **fields)
    changes = {}
    for name, items in streams.items():
        converted = []
        for item in items:
            value = item["value"]
            if item["type"] == "paragraph":
                value = rich_text(value)
            converted.append((item["type"], value))
        changes.update(stream(name, converted))
    data = editor_form(admin_client, edit_url(page), **changes)
    response = post_action(admin_client, edit_url(page), data, "publish")
    assert response.status_code == 302, (
        response.context["form"].errors if response.context else response
    )
    page.refresh_from_db()
    assert page.live


def test_an_editor_creates_a_video_in_the_add_view_and_a_draft_needs_no_captions(
    client, editor, media_index, files
):
    client.force_login(editor)
    url = add_url(VideoPage, media_index)
    data = editor_form(
        client,
        url,
        title="Video mới",
        slug="video-moi",
        lead="Sa pô.",
        video=str(files["video"].pk),
    )
    response = post_action(client, url, data, "draft")
    assert response.status_code == 302
    page = VideoPage.objects.get(slug="video-moi")
    assert not page.live and page.captions is None
    data["slug"] = "video-moi-2"
    response = post_action(client, url, data, "submit")
    assert response.status_code == 200 and "captions" in response.context["form"].errors
    assert not VideoPage.objects.filter(slug="video-moi-2").exists()

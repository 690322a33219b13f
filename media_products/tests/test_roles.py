"""Editors make multimedia products and moderators publish them, through the real admin."""

import pytest
from django.urls import reverse

from media_products.models import AudioPage, PortalMedia

from .admin_forms import add_url, editor_form, post_action, rich_text
from .factories import TRANSCRIPT, clip, make_media

pytestmark = pytest.mark.django_db


def test_editors_and_moderators_may_upload_media_and_captions(client, editor, moderator):
    for user in (editor, moderator):
        client.force_login(user)
        assert client.get(reverse("wagtailmedia:add", args=["video"])).status_code == 200
        assert client.get(reverse("wagtailmedia:chooser")).status_code == 200
        assert (
            client.get(reverse("wagtailsnippets_media_products_captiontrack:add")).status_code
            == 200
        )
        assert (
            client.get(reverse("wagtailsnippets_media_products_podcastseries:add")).status_code
            == 200
        )
    assert moderator.has_perm("media_products.delete_captiontrack")
    assert not editor.has_perm("media_products.delete_captiontrack")
    # wagtailmedia's chooser lists only files a user may change, so editors need "change" on
    # everyone's files to pick a colleague's video (and its policy treats delete as change).
    from wagtailmedia import get_permission_policy

    someone_elses = make_media("video", "mp4", "cua-nguoi-khac")
    assert get_permission_policy().user_has_permission_for_instance(editor, "change", someone_elses)


def test_an_editor_uploads_audio_and_submits_an_episode_a_moderator_publishes_it(
    client, editor, moderator, media_index, files
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.models import Collection

    client.force_login(editor)
    response = client.post(
        reverse("wagtailmedia:add", args=["audio"]),
        {
            "title": "Tập 7",
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
            "file": SimpleUploadedFile("tap-7.mp3", clip("audio", "mp3")),
        },
    )
    assert response.status_code == 302
    audio = PortalMedia.objects.get(title="Tập 7")

    url = add_url(AudioPage, media_index)
    data = editor_form(
        client,
        url,
        title="Tập 7: Đất đai",
        slug="tap-7",
        lead="Luật Đất đai sửa đổi.",
        audio=str(audio.pk),
        series=str(files["series"].pk),
        episode_number="7",
        transcript=rich_text(TRANSCRIPT),
    )
    response = post_action(client, url, data, "submit")
    assert response.status_code == 302, (
        response.context["form"].errors if response.context else response
    )
    page = AudioPage.objects.get(slug="tap-7")
    assert not page.live
    state = page.current_workflow_state
    assert state is not None and state.status == "in_progress"

    client.force_login(moderator)
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": "Đồng ý."},
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live and page.audio_id == audio.pk
    client.logout()
    assert (
        client.get(page.url).status_code == 200
    )  # the first product of an empty index is reachable


def test_an_editor_cannot_publish_directly(client, editor, media_index, files):
    client.force_login(editor)
    url = add_url(AudioPage, media_index)
    data = editor_form(
        client,
        url,
        title="Tập 8",
        slug="tap-8",
        lead="Sa pô.",
        audio=str(files["audio"].pk),
        series=str(files["series"].pk),
        episode_number="8",
        transcript=rich_text(TRANSCRIPT),
    )
    post_action(client, url, data, "publish")
    page = AudioPage.objects.filter(slug="tap-8").first()
    assert page is None or not page.live

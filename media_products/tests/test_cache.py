"""A cached podcast feed or caption file is refreshed as soon as what it shows changes."""

import pytest
from django.test import override_settings

from media_products.models import AudioPage

from .factories import TRANSCRIPT, add_product

pytestmark = pytest.mark.django_db


@override_settings(PORTAL_PAGE_CACHE=True)
def test_publishing_an_episode_refreshes_its_cached_feed(client, media_index, files):
    add_product(
        media_index,
        AudioPage,
        "Tập 1",
        audio=files["audio"],
        series=files["series"],
        episode_number=1,
        transcript=TRANSCRIPT,
    )
    url = f"{media_index.url}podcast/chinh-sach/rss/"
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    add_product(
        media_index,
        AudioPage,
        "Tập 2",
        audio=files["audio"],
        series=files["series"],
        episode_number=2,
        transcript=TRANSCRIPT,
    )
    assert "Tập 2" in client.get(url).content.decode()


@override_settings(PORTAL_PAGE_CACHE=True)
def test_correcting_captions_refreshes_the_cached_caption_file(client, media_index, files):
    from media_products.models import VideoPage

    video = add_product(
        media_index,
        VideoPage,
        "Video",
        video=files["video"],
        captions=files["captions"],
        transcript=TRANSCRIPT,
    )
    url = f"{video.url}phu-de/{files['captions'].pk}/"
    assert "Xin chào." in client.get(url).content.decode()
    assert client.get(url)["X-Page-Cache"] == "hit"
    track = files["captions"]
    track.content = track.content.replace("Xin chào.", "Chào mừng.")
    track.save()
    assert "Chào mừng." in client.get(url).content.decode()

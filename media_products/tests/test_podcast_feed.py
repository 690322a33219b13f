"""The podcast feed: RSS 2.0 with the iTunes tags and enclosures a podcast app needs."""

import xml.etree.ElementTree as ET

import pytest

from media_products.models import AudioPage

from .factories import TRANSCRIPT, add_product, make_series

pytestmark = pytest.mark.django_db
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"


@pytest.fixture
def episodes(media_index, files, image):
    series = files["series"]
    series.image, series.owner_email = image, "podcast@example.gov.vn"
    series.save()
    return [
        add_product(
            media_index,
            AudioPage,
            f"Tập {n}",
            audio=files["audio"],
            series=series,
            episode_number=n,
            transcript=TRANSCRIPT,
            lead=f"Nội dung tập {n}.",
        )
        for n in (1, 2)
    ]


def _feed(client, media_index, slug="chinh-sach"):
    response = client.get(f"{media_index.url}podcast/{slug}/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content)


def test_the_feed_is_rss_2_with_itunes_channel_tags(client, media_index, episodes):
    root = _feed(client, media_index)
    assert root.tag == "rss" and root.attrib["version"] == "2.0"
    channel = root.find("channel")
    for tag in ("title", "link", "description", "language"):
        assert channel.findtext(tag), tag
    assert channel.findtext("language") == "vi"
    assert channel.findtext(f"{ITUNES}author") == "Trung tâm Thông tin"
    assert (
        channel.find(f"{ITUNES}image").attrib["href"].startswith("http://testserver/media/images/")
    )
    assert channel.find(f"{ITUNES}category").attrib["text"] == "Government"
    assert channel.findtext(f"{ITUNES}explicit") == "false"
    assert channel.find(f"{ITUNES}owner").findtext(f"{ITUNES}email") == "podcast@example.gov.vn"


def test_each_episode_has_an_enclosure_duration_and_number(client, media_index, episodes, files):
    items = _feed(client, media_index).find("channel").findall("item")
    assert [i.findtext("title") for i in items] == ["Tập 2", "Tập 1"]
    for item, episode in zip(items, reversed(episodes), strict=True):
        enclosure = item.find("enclosure")
        assert enclosure.attrib["url"] == f"http://testserver{files['audio'].url}"
        assert int(enclosure.attrib["length"]) == files["audio"].file_size > 0
        assert enclosure.attrib["type"] == "audio/mpeg"
        assert item.findtext("guid") == episode.get_full_url() and item.findtext("pubDate")
        assert item.findtext(f"{ITUNES}duration") == "1"
        assert item.findtext(f"{ITUNES}episode") == str(episode.episode_number)
        assert item.findtext(f"{ITUNES}explicit") == "false"


def test_a_feed_lists_only_its_own_series(client, media_index, episodes, files):
    other = make_series("chuong-trinh-khac", title="Chương trình khác")
    add_product(
        media_index,
        AudioPage,
        "Tập khác",
        audio=files["audio"],
        series=other,
        episode_number=1,
        transcript=TRANSCRIPT,
    )
    titles = [
        i.findtext("title") for i in _feed(client, media_index).find("channel").findall("item")
    ]
    assert "Tập khác" not in titles and len(titles) == 2


def test_drafts_are_not_in_the_feed(client, media_index, episodes, files):
    add_product(
        media_index,
        AudioPage,
        "Tập nháp",
        publish=False,
        audio=files["audio"],
        series=files["series"],
        episode_number=3,
        transcript=TRANSCRIPT,
    )
    titles = [
        i.findtext("title") for i in _feed(client, media_index).find("channel").findall("item")
    ]
    assert "Tập nháp" not in titles


def test_an_unknown_series_is_404(client, media_index):
    assert client.get(f"{media_index.url}podcast/khong-co/rss/").status_code == 404

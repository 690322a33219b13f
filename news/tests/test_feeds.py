"""RSS 2.0 feeds: valid XML, absolute links, guid, pubDate, the lead as description, image enclosure."""

import xml.etree.ElementTree as ET

import pytest

from testsupport import make_article, make_image

pytestmark = pytest.mark.django_db


def _items(response):
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.attrib["version"] == "2.0"
    channel = root.find("channel")
    assert channel.findtext("title") and channel.findtext("link").startswith("http")
    assert channel.findtext("language") in {"vi", "en"}
    return channel.findall("item")


def test_site_feed_lists_articles_with_the_rss_essentials(client, news_section):
    image = make_image(description="Ảnh")
    article = make_article(
        news_section, "Tin trong RSS", lead="Sa pô trong RSS.", featured_image=image
    )
    items = _items(client.get("/rss.xml"))
    assert len(items) == 1
    item = items[0]
    assert item.findtext("title") == "Tin trong RSS"
    assert item.findtext("link") == article.get_full_url()
    assert item.findtext("guid") == item.findtext("link")
    assert item.findtext("description") == "Sa pô trong RSS."
    assert item.findtext("pubDate")
    enclosure = item.find("enclosure")
    assert enclosure.attrib["url"].startswith("http://testserver/media/")
    assert enclosure.attrib["type"] == "image/png"
    assert int(enclosure.attrib["length"]) == image.file_size > 0


def test_section_feed_lists_only_that_sections_articles(client, home, news_section):
    from testsupport import make_section

    other = make_section(home, "Khác")
    make_article(news_section, "Tin của chuyên mục")
    make_article(other, "Tin chuyên mục khác")
    items = _items(client.get(f"{news_section.url}rss/"))
    assert [i.findtext("title") for i in items] == ["Tin của chuyên mục"]


def test_english_feed_lists_english_articles(client, homes):
    from testsupport import make_section

    home_vi, home_en = homes
    make_article(make_section(home_vi, "Tin"), "Tin tiếng Việt")
    make_article(make_section(home_en, "News"), "English news")
    assert [i.findtext("title") for i in _items(client.get("/rss.xml"))] == ["Tin tiếng Việt"]
    assert [i.findtext("title") for i in _items(client.get("/en/rss.xml"))] == ["English news"]


def test_a_missing_image_file_leaves_the_feed_readable(client, news_section):
    # An image whose size was never stored and whose file is gone (a restore without media):
    # the feed answers, with a length of 0 ("unknown"), and does not touch storage.
    image = make_image(description="Ảnh mất tệp")
    type(image).objects.filter(pk=image.pk).update(file_size=None)
    image.file.storage.delete(image.file.name)
    make_article(news_section, "Tin có ảnh mất", featured_image=image)
    response = client.get("/rss.xml")
    assert response.status_code == 200
    enclosure = _items(response)[0].find("enclosure")
    assert enclosure.attrib["length"] == "0"

"""Podcast RSS 2.0 with iTunes tags, one feed per series: what Apple Podcasts and other apps read."""

from typing import Any

from django.http import HttpRequest
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed

from news.feeds import StoryFeed

ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST_COVER_FILTER = "fill-1400x1400"
MAX_EPISODES = 300


class ITunesPodcastFeed(Rss201rev2Feed):
    def rss_attributes(self) -> dict[str, str]:
        return {**super().rss_attributes(), "xmlns:itunes": ITUNES_NS}

    def add_root_elements(self, handler: Any) -> None:
        super().add_root_elements(handler)
        feed = self.feed
        if feed.get("itunes_image"):
            handler.startElement("image", {})
            handler.addQuickElement("url", feed["itunes_image"])
            handler.addQuickElement("title", feed["title"])
            handler.addQuickElement("link", feed["link"])
            handler.endElement("image")
            handler.addQuickElement("itunes:image", "", {"href": feed["itunes_image"]})
        handler.addQuickElement("itunes:author", feed["itunes_author"])
        handler.addQuickElement("itunes:summary", feed["description"])
        handler.addQuickElement("itunes:category", "", {"text": feed["itunes_category"]})
        handler.addQuickElement("itunes:explicit", "true" if feed["itunes_explicit"] else "false")
        handler.addQuickElement("itunes:type", "episodic")
        if feed.get("itunes_owner_email"):
            handler.startElement("itunes:owner", {})
            handler.addQuickElement("itunes:name", feed["itunes_author"])
            handler.addQuickElement("itunes:email", feed["itunes_owner_email"])
            handler.endElement("itunes:owner")

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        handler.addQuickElement("itunes:duration", str(item["itunes_duration"]))
        if item.get("itunes_episode"):
            handler.addQuickElement("itunes:episode", str(item["itunes_episode"]))
        handler.addQuickElement("itunes:episodeType", "full")
        handler.addQuickElement("itunes:explicit", "true" if item["itunes_explicit"] else "false")
        handler.addQuickElement("itunes:summary", item["description"])


class PodcastFeed(StoryFeed):
    """Episodes of one series published under one multimedia index; one query for all of them.

    Links, guid, dates and the lead as description come from the site's StoryFeed; a podcast
    adds iTunes tags and the audio file as its enclosure.
    """

    feed_type = ITunesPodcastFeed

    def __init__(self, index: Any, series: Any) -> None:
        super().__init__()
        self.index = index
        self.series = series
        # Django reads `language` as a plain attribute, never as a method.
        self.language = series.language

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any):
        response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = "public, max-age=900"
        return response

    def title(self) -> str:
        return self.series.title

    def link(self) -> str:
        return self.index.get_full_url(self.request)

    def feed_url(self) -> str:
        return self.request.build_absolute_uri()

    def description(self) -> str:
        return self.series.description

    def author_name(self) -> str:
        return self.series.author

    def feed_extra_kwargs(self, obj: Any) -> dict[str, Any]:
        image = self.series.image
        image_url = ""
        if image is not None:
            image_url = self.request.build_absolute_uri(
                image.get_rendition(PODCAST_COVER_FILTER).url
            )
        return {
            "itunes_author": self.series.author,
            "itunes_image": image_url,
            "itunes_category": self.series.category,
            "itunes_explicit": self.series.explicit,
            "itunes_owner_email": self.series.owner_email,
        }

    def items(self) -> list[Any]:
        from media_products.models import AudioPage

        return list(
            AudioPage.objects.live()
            .public()
            .child_of(self.index)
            .filter(series=self.series, audio__isnull=False)
            .select_related("audio")
            .defer_streamfields()
            .order_by("-first_published_at", "-pk")[:MAX_EPISODES]
        )

    def item_author_name(self, item: Any) -> str:
        return self.series.author

    def item_enclosures(self, item: Any) -> list[Enclosure]:
        audio = item.audio
        url = self.request.build_absolute_uri(audio.file.url)
        return [Enclosure(url, str(audio.size_in_bytes), audio.content_type)]

    def item_extra_kwargs(self, item: Any) -> dict[str, Any]:
        return {
            "itunes_duration": round(item.audio.duration or 0),
            "itunes_episode": item.episode_number,
            "itunes_explicit": self.series.explicit,
        }

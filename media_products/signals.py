"""Keep the page cache honest for what the generic purge cannot see.

Publishing purges a page, its ancestors and the site-wide feeds; but a podcast feed and a
caption file live at sub-routes with arguments, and captions and series are snippets whose
edits publish no page. Without this, a new episode or a corrected caption would wait out the
cache timeout.
"""

from typing import Any

from django.db.models.signals import post_save

from core.caching.signals import PUBLISHED, UNPUBLISHED, now_and_after_commit, page_changed
from media_products.models import (
    AudioPage,
    CaptionTrack,
    MediaIndexPage,
    MediaProductPage,
    PodcastSeries,
    VideoCaption,
    VideoPage,
)


def _sub_route_urls(page: Any, suffixes: list[str]) -> list[tuple[str, str]]:
    parts = page.get_url_parts()
    if parts is None:
        return []
    _site_id, root_url, path = parts
    return [(root_url, path + suffix) for suffix in suffixes]


def feed_urls(series: PodcastSeries) -> list[tuple[str, str]]:
    """The feed URL of the series under every index that has an episode of it."""
    index_ids = AudioPage.objects.filter(series=series).values_list("path", flat=True)
    parents = {path[: -AudioPage.steplen] for path in index_ids}
    urls: list[tuple[str, str]] = []
    for index in MediaIndexPage.objects.filter(path__in=parents):
        urls += _sub_route_urls(index, [index.reverse_subpage("podcast_feed", args=[series.slug])])
    return urls


def caption_urls(video: VideoPage) -> list[tuple[str, str]]:
    tracks = [
        video.captions_id,
        *VideoCaption.objects.filter(page=video).values_list("track_id", flat=True),
    ]
    return _sub_route_urls(
        video, [video.reverse_subpage("captions", args=[pk]) for pk in tracks if pk]
    )


def _purge(urls: list[tuple[str, str]]) -> None:
    from core.caching.invalidation import purge

    if urls:
        now_and_after_commit(lambda: purge(urls))


def _refresh_structure_for_first_child(product: Any) -> None:
    """The site structure keeps the index's child count; treebeard's get_children() trusts it and
    finds nothing under an index that had no product when the structure was read, so the first
    product published there would be missing until the structure is read again."""
    from core.caching import structure

    ancestors = structure.get_structure().ancestors(product)
    if ancestors and ancestors[-1].numchild == 0:
        structure.invalidate()


def _on_product_published(sender: Any, page: Any, kind: str, **kwargs: Any) -> None:
    """Receives `page_changed`: a product (un)published changes its feeds or caption files."""
    if kind not in (PUBLISHED, UNPUBLISHED):
        return
    instance = page
    if isinstance(instance, MediaProductPage):
        _refresh_structure_for_first_child(instance)
    if isinstance(instance, AudioPage) and instance.series_id:
        _purge(feed_urls(instance.series))
    elif isinstance(instance, VideoPage):
        _purge(caption_urls(instance))


def _on_caption_saved(
    sender: Any, instance: CaptionTrack, raw: bool = False, **kwargs: Any
) -> None:
    if raw:
        return
    from core.caching.invalidation import page_changed

    users = VideoPage.objects.filter(live=True).filter(
        captions=instance
    ) | VideoPage.objects.filter(live=True, extra_captions__track=instance)
    for video in users.distinct():
        page_changed(video)
        _purge(caption_urls(video))


def _on_series_saved(
    sender: Any, instance: PodcastSeries, raw: bool = False, **kwargs: Any
) -> None:
    if not raw:
        _purge(feed_urls(instance))


def connect() -> None:
    page_changed.connect(_on_product_published, dispatch_uid="media_products_page_changed")
    post_save.connect(
        _on_caption_saved, sender=CaptionTrack, dispatch_uid="media_products_caption_saved"
    )
    post_save.connect(
        _on_series_saved, sender=PodcastSeries, dispatch_uid="media_products_series_saved"
    )

"""Admin menu for the files behind products: caption tracks and podcast series, as snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from media_products.models import CaptionTrack, PodcastSeries


class CaptionTrackViewSet(SnippetViewSet):
    model = CaptionTrack
    icon = "doc-full"
    menu_label = _("Phụ đề")
    list_display = ["title", "language", "cue_count", "updated_at"]
    list_filter = ["language"]
    search_fields = ["title"]


class PodcastSeriesViewSet(SnippetViewSet):
    model = PodcastSeries
    icon = "wagtailmedia-audio"
    menu_label = _("Chương trình podcast")
    list_display = ["title", "author", "language"]


class MultimediaGroup(SnippetViewSetGroup):
    items = (CaptionTrackViewSet, PodcastSeriesViewSet)
    menu_icon = "media"
    menu_label = _("Đa phương tiện")
    menu_name = "multimedia"
    menu_order = 310


register_snippet(MultimediaGroup)

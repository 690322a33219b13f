"""The multimedia index: every product newest first, filterable by type, and the podcast feeds."""

from typing import Any

from django.conf import settings
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page
from wagtail.search import index

from core.caching.structure import public
from core.models.base import BasePage

from .files import PodcastSeries


class MediaIndexPage(RoutablePageMixin, BasePage):
    query_parameters = frozenset({"page", "type"})
    intro = models.TextField(_("giới thiệu"), blank=True, max_length=1000)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["sitewide.HomePage"]
    subpage_types = [
        "media_products.VideoPage",
        "media_products.AudioPage",
        "media_products.PhotoStoryPage",
        "media_products.InfographicPage",
        "media_products.EMagazinePage",
    ]

    class Meta:
        verbose_name = _("trang đa phương tiện")
        verbose_name_plural = _("trang đa phương tiện")

    @property
    def summary(self) -> str:
        return self.search_description or self.intro

    @re_path(r"^$")
    def index_route(self, request: HttpRequest, *args: Any, **kwargs: Any) -> TemplateResponse:
        # Replaces the mixin's default route, so an unknown filter value answers 400 with its message.
        from media_products.forms.filters import MediaFilterForm
        from media_products.listing import kinds, products_page

        form = MediaFilterForm(
            request.GET or None, kinds=[(key, str(label)) for key, label, _m in kinds()]
        )
        status = 200
        kind = ""
        if form.is_bound:
            if form.is_valid():
                kind = form.cleaned_data["type"]
            else:
                status = 400
        products = products_page(
            self, kind, request.GET.get("page"), settings.PORTAL_LISTING_PAGE_SIZE
        )
        context = self.get_context(request)
        context.update(
            form=form,
            products=products,
            kind=kind,
            kind_label=next((label for key, label, _m in kinds() if key == kind), ""),
            series_list=self.podcast_series(),
        )
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def podcast_series(self) -> list[PodcastSeries]:
        """Series with at least one live episode under this index (each has a feed)."""
        from .products import AudioPage

        episodes = public(AudioPage.objects.live()).child_of(self).filter(series__isnull=False)
        return list(
            PodcastSeries.objects.filter(pk__in=episodes.values("series_id")).order_by("title")
        )

    @path("podcast/<slug:series_slug>/rss/", name="podcast_feed")
    def podcast_feed(self, request: HttpRequest, series_slug: str) -> HttpResponse:
        from media_products.feeds import PodcastFeed

        series = PodcastSeries.objects.select_related("image").filter(slug=series_slug).first()
        if series is None:
            raise Http404
        return PodcastFeed(self, series)(request)

"""The portal's image model: Wagtail's, plus a credit line, with the description used as default alt text."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Filter, Image

_FILTERS: dict[str, Filter] = {}


def shared_filter(filter: Filter | str) -> Filter:
    """One `Filter` per spec for the process.

    `{% image %}` builds a new `Filter` at every use, and each parses its spec again to compute the
    rendition's cache key: twenty times on a listing page for the same "fill-640x360". A `Filter`
    holds nothing but its spec and the operations parsed from it, so one instance serves all.
    """
    spec = filter if isinstance(filter, str) else filter.spec
    found = _FILTERS.get(spec)
    if found is None:
        found = _FILTERS.setdefault(spec, Filter(spec=spec))
    return found


class PortalImage(AbstractImage):
    # A ministry must credit photographers; the credit travels with the image into every use.
    credit = models.CharField(
        _("nguồn ảnh / tác giả"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Ảnh: Nguyễn Văn A – Trung tâm Thông tin."),
    )

    admin_form_fields = (*Image.admin_form_fields, "credit")

    def get_rendition(self, filter: Filter | str) -> AbstractRendition:
        """One rendition, as Wagtail's `get_renditions` finds it: without a cache write per call.

        Wagtail's `get_rendition` writes every rendition it returns back to the renditions cache,
        even one that came from `prefetch_renditions`: a cache round trip per card, twenty on a
        listing page. `get_renditions` skips that write for renditions it did not have to look up.
        """
        return next(iter(self.get_renditions(shared_filter(filter)).values()))

    @property
    def default_alt_text(self) -> str:
        # Wagtail's own description field is the alt text an editor gave once for the image;
        # pages may still override it where the context needs different words.
        return self.description or ""

    class Meta(AbstractImage.Meta):
        verbose_name = _("ảnh")
        verbose_name_plural = _("ảnh")


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

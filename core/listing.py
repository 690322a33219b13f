"""Queries behind every listing (cards, feeds, search): a constant number of queries, however big the corpus."""

from collections.abc import Iterable, Sequence
from typing import Any

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.utils.functional import cached_property
from wagtail.images import get_image_model
from wagtail.models import Page, get_page_models

from core.images import CARD_FILTER, HERO_FILTER, INLINE_FILTER, SOCIAL_FILTER, WIDE_FILTER


def story_page_models() -> list[type[Page]]:
    """Every concrete page type that is a dated story (articles and multimedia products)."""
    from core.models.base import StoryPage

    return [m for m in get_page_models() if issubclass(m, StoryPage) and not m._meta.abstract]


def image_prefetch(*filter_specs: str, field: str = "featured_image") -> Prefetch:
    """Prefetch an image foreign key together with the renditions the templates will ask for."""
    specs = filter_specs or (CARD_FILTER,)
    return Prefetch(field, queryset=get_image_model().objects.prefetch_renditions(*specs))


def for_cards(queryset: QuerySet) -> QuerySet:
    """A story queryset trimmed for cards: no StreamFields, images and card renditions prefetched."""
    return queryset.defer_streamfields().prefetch_related(image_prefetch(CARD_FILTER))


def with_hero_image(queryset: QuerySet) -> QuerySet:
    """A story queryset for its own page: the featured image joined.

    Its hero and social renditions are read with the cards' (`attach_card_images(..., hero_of=)`),
    one query for both.
    """
    return queryset.select_related("featured_image")


def rendition_prefetch(*filter_specs: str) -> Prefetch:
    """Wagtail's `prefetch_renditions`, for images already loaded (`prefetch_related_objects`)."""
    renditions = (
        get_image_model().get_rendition_model().objects.filter(filter_spec__in=filter_specs)
    )
    return Prefetch("renditions", queryset=renditions, to_attr="prefetched_renditions")


def attach_card_images(
    pages: Sequence[Any], hero_of: Any = None, inline: Sequence[Any] = ()
) -> None:
    """Load featured images (with card renditions) for already-fetched pages of mixed types in one go.

    `hero_of`: the page being served, whose own featured image shows as its hero and social
    preview: read with the cards' images unless it came joined, its hero and social renditions
    in the same query as the cards' renditions. `inline`: images its body shows (already
    loaded), whose body renditions come in that query too.
    """
    ids = {getattr(p, "featured_image_id", None) for p in pages} - {None}
    hero_id = getattr(hero_of, "featured_image_id", None)
    hero_to_read = hero_id is not None and not type(hero_of).featured_image.is_cached(hero_of)
    if hero_to_read:
        ids.add(hero_id)
    images = list(get_image_model().objects.filter(pk__in=ids)) if ids else []
    by_id = {image.pk: image for image in images}
    for page in [*pages, *([hero_of] if hero_to_read else [])]:
        image_id = getattr(page, "featured_image_id", None)
        if image_id is not None:
            # Setting the cached relation spares one query per card.
            page.featured_image = by_id.get(image_id)
    hero = hero_of.featured_image if hero_id is not None else None
    # Every spec a template may ask of these images: Wagtail takes prefetched renditions as the
    # whole truth, and a spec missing from them is made again (the file resized) on every view.
    specs = [CARD_FILTER]
    targets = [*images]
    if hero is not None:
        specs += [HERO_FILTER, SOCIAL_FILTER, WIDE_FILTER]  # wide: an e-magazine's cover
        targets.append(hero)
    if inline:
        specs += [INLINE_FILTER, WIDE_FILTER]  # wide: an e-magazine's full-width images
        targets += inline
    if targets:
        prefetch_related_objects(targets, rendition_prefetch(*dict.fromkeys(specs)))


def latest_stories(
    locale: Any,
    models: Iterable[type[Page]],
    limit: int,
    root: Page | None = None,
    attach_images: bool = True,
    hero_of: Any = None,
) -> list[Any]:
    """The newest live stories of the given types, newest first, with card images loaded.

    One query for the page rows, one per content type for the specific rows (StreamFields
    deferred), and two for the images (with `hero_of`'s image and renditions): never one per item.
    """
    from core.caching.structure import public

    queryset = public(Page.objects.live()).type(*models).filter(locale=locale)
    if root is not None:
        queryset = queryset.descendant_of(root)
    pages = list(
        queryset.order_by("-first_published_at", "-pk").defer_streamfields().specific()[:limit]
    )
    if attach_images:
        attach_card_images(pages, hero_of=hero_of)
    return pages


class TwoEndedPaginator(Paginator):
    """Pages past the middle are read from the other end of the ordering.

    OFFSET costs as many rows as it skips: the last page of a 30,000-article section would read
    them all. Read backwards, the last page costs what the first does (same number of queries).

    With `positions` (the same rows' ids in the same order, from a narrow query an index can
    answer alone), the rows skipped are index entries, not table rows: the page's ids are picked
    there and only its own rows are read, in the same single query (see "Late listing pages" in
    docs/performance.md).
    """

    def __init__(self, object_list: Any, per_page: int, positions: QuerySet | None = None) -> None:
        super().__init__(object_list, per_page)
        self.positions = positions

    @cached_property
    def count(self) -> int:
        counted = self.positions if self.positions is not None else self.object_list
        if isinstance(counted, QuerySet):
            from core.caching.counts import cached_count

            return cached_count(counted)
        return super().count

    def page(self, number: Any) -> Any:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        queryset = self.object_list
        if not isinstance(queryset, QuerySet) or not queryset.ordered:
            return super().page(number)
        backwards = bottom > self.count // 2
        if self.positions is not None:
            ids = (
                self.positions.reverse()[self.count - top : self.count - bottom]
                if backwards
                else self.positions[bottom:top]
            )
            # One statement: the outer query keeps its own ordering over the page's few rows.
            return self._get_page(list(queryset.filter(pk__in=ids)), number, self)
        if backwards:
            items = list(queryset.reverse()[self.count - top : self.count - bottom])
            items.reverse()
            return self._get_page(items, number, self)
        return super().page(number)


def paginate(
    object_list: Any, page_number: Any, per_page: int, positions: QuerySet | None = None
) -> Any:
    """A page of results that never fails: junk numbers give the first page, too-high ones the last.

    `positions`: see `TwoEndedPaginator`.
    """
    paginator = TwoEndedPaginator(object_list, per_page, positions=positions)
    try:
        return paginator.page(page_number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)

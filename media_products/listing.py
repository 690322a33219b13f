"""Listing queries for multimedia: a constant number of queries whatever the corpus size."""

from typing import Any

from django.db.models import QuerySet
from wagtail.models import Page

from core.listing import attach_card_images, for_cards, latest_stories, paginate

MORE_PRODUCTS = 4


def kinds() -> list[tuple[str, Any, type[Page]]]:
    """(filter value, label, model) for each product type, in the order readers see them."""
    from media_products.models import product_models

    return [(model.media_kind, model.media_kind_label, model) for model in product_models()]


def _products(index: Page, kind: str) -> QuerySet:
    from core.caching.structure import public
    from media_products.models import product_models

    models = [m for m in product_models() if m.media_kind == kind] or product_models()
    if len(models) == 1:
        queryset = public(models[0].objects.live()).child_of(index)
    else:
        queryset = public(Page.objects.live()).type(*models).child_of(index)
    return queryset.order_by("-first_published_at", "-pk")


def products_page(index: Page, kind: str, page_number: Any, per_page: int) -> Any:
    """One page of the index's products (of one kind, or all), with card images loaded.

    One type: a single specific query with images prefetched. All types: the page rows, then
    one query per type on this page, then the images.
    """
    queryset = _products(index, kind)
    if queryset.model is not Page:
        return paginate(for_cards(queryset), page_number, per_page)
    page = paginate(queryset.defer_streamfields(), page_number, per_page)
    page.object_list = specific_in_order(list(page.object_list))
    return page


def specific_in_order(pages: list[Page]) -> list[Any]:
    ids = [page.pk for page in pages]
    by_id = {
        page.pk: page for page in Page.objects.filter(pk__in=ids).defer_streamfields().specific()
    }
    ordered = [by_id[pk] for pk in ids if pk in by_id]
    attach_card_images(ordered)
    return ordered


def more_products(product: Page, parent: Page) -> list[Any]:
    """The newest other products of the same index, shown under a product."""
    from media_products.models import product_models

    # The product's own hero and social renditions come with the cards' (one query).
    latest = latest_stories(
        product.locale_id,
        product_models(),
        MORE_PRODUCTS + 1,
        root=parent,
        hero_of=product,
    )
    return [p for p in latest if p.pk != product.pk][:MORE_PRODUCTS]

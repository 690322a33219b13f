"""Background work: image renditions made when an image is uploaded or a page is published.

A rendition made on a reader's first view costs that reader the resize (hundreds of
milliseconds for a large photo) and, on a listing of twenty cards, twenty of them. Here they are
made when the editor uploads the image and again, for every image a page uses, when the page is
published, through Django tasks (`TASKS`: immediate in development, a worker backend in
production), so readers only ever fetch them.
"""

import logging
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex
from wagtail.signals import page_published

from core.images import INLINE_FILTER, PAGE_RENDITION_FILTERS, WIDE_FILTER

logger = logging.getLogger(__name__)

# Every spec a template asks for on a public page (cards, hero, social preview, body images, wide
# images of e-magazines, podcast covers).
READER_RENDITION_FILTERS = (*PAGE_RENDITION_FILTERS, INLINE_FILTER, WIDE_FILTER)


@task()
def make_renditions(image_ids: list[int]) -> int:
    """Create the reader-facing renditions of these images; returns how many images were done."""
    done = 0
    for image in get_image_model().objects.filter(pk__in=image_ids):
        try:
            image.get_renditions(*READER_RENDITION_FILTERS)
        except Exception:  # a broken source file must not stop the others (nor the publication)
            logger.exception("renditions failed for image %s", image.pk)
            continue
        done += 1
    return done


def images_used_by(page: Any) -> list[int]:
    """Ids of every image the page refers to: featured image, body blocks, inline panels."""
    image_model = get_image_model()
    image_type = ContentType.objects.get_for_model(image_model).pk
    ids = set()
    for (
        content_type_id,
        object_id,
        _model_path,
        _content_path,
    ) in ReferenceIndex._extract_references_from_object(page):
        if content_type_id == image_type:
            try:
                ids.add(int(object_id))
            except (TypeError, ValueError):
                continue
    return sorted(ids)


def enqueue_renditions(image_ids: list[int]) -> None:
    if image_ids:
        # After commit: a worker must find the rows the editor just saved.
        transaction.on_commit(lambda: make_renditions.enqueue(image_ids=image_ids))


def _on_image_saved(
    sender: Any, instance: Any, created: bool = False, raw: bool = False, **kwargs: Any
) -> None:
    update_fields = kwargs.get("update_fields")
    if raw or (update_fields is not None and "file" not in update_fields and not created):
        return
    enqueue_renditions([instance.pk])


def _on_page_published(sender: Any, instance: Any, **kwargs: Any) -> None:
    enqueue_renditions(images_used_by(instance))


def connect() -> None:
    post_save.connect(
        _on_image_saved, sender=get_image_model(), dispatch_uid="portal_renditions_on_upload"
    )
    page_published.connect(_on_page_published, dispatch_uid="portal_renditions_on_publish")

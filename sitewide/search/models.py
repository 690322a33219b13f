"""The ranked search index: one row per thing a reader can find, a page or another published object.

A row names what it stands for (`content_type`, `object_id`: a page type and the page's id, or
another model such as a published answer) and the page that governs it (`page`: the page itself,
or the page an answer is published on). The ranking joins that page for publication, view
restrictions and section, so moving or restricting a page needs no re-indexing; `locale` is the
page's language (it never changes) and `published_at` the date readers see and filter by.

Title, lead and body text are stored as published. On PostgreSQL the migrations add generated
columns from them: `document`, the weighted `tsvector` (title A, lead B, body C) folded by
`portal_vietnamese` (diacritics ignored), `head` (title and lead only), and `exact`, title and
lead with their diacritics kept; the ranking reads those. On SQLite the three text columns hold
the text folded by `fold()` and the ranking is simpler (see `sitewide/search/simple_ranking.py`).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models


class SearchEntry(models.Model):
    id = models.BigAutoField(primary_key=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", db_index=True
    )
    # The governing page's language, copied (a page's locale never changes): the count estimate
    # filters by it without joining the page table.
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    published_at = models.DateTimeField(null=True, blank=True)
    title = models.TextField()
    lead = models.TextField(blank=True)
    body = models.TextField(blank=True)

    class Meta:
        db_table = "portal_searchentry"  # named in the migration's SQL (generated columns)
        verbose_name = "mục chỉ mục tìm kiếm"
        verbose_name_plural = "chỉ mục tìm kiếm"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="portal_searchentry_object"
            )
        ]

    def __str__(self) -> str:
        return self.title

"""The ranked search index: one row per live page of a type that declares `site_search`.

Title, lead and body text are stored as the page was published. On PostgreSQL the migration adds
two generated columns from them: `document`, the weighted `tsvector` (title A, lead B, body C)
folded by `portal_vietnamese` (diacritics ignored), and `exact`, title and lead with their
diacritics kept; the ranking reads those. On SQLite the three text columns hold the text folded
by `fold()` and the ranking is simpler (see `portal/search/ranking.py`).
"""

from django.db import models


class SearchEntry(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    title = models.TextField()
    lead = models.TextField(blank=True)
    body = models.TextField(blank=True)

    class Meta:
        app_label = "portal"
        verbose_name = "mục chỉ mục tìm kiếm"
        verbose_name_plural = "chỉ mục tìm kiếm"

    def __str__(self) -> str:
        return self.title

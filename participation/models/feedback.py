""" "Was this page useful?" votes: a page, a day, yes or no, perhaps a short comment; nothing else.

No time of day, no client hash, no cookie: a vote cannot be tied to a reader or to a visit (the
analytics rules). The day is enough for monthly shares.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class UsefulVote(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("trang"), on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField(_("ngày"), db_index=True)
    useful = models.BooleanField(_("hữu ích"))
    comment = models.TextField(_("góp ý"), blank=True)
    handled = models.BooleanField(
        _("đã xử lý"), default=False, help_text=_("Đánh dấu khi biên tập viên đã đọc góp ý.")
    )

    class Meta:
        verbose_name = _("đánh giá trang")
        verbose_name_plural = _("đánh giá trang")
        indexes = [models.Index(fields=["page", "day"])]

    def __str__(self) -> str:
        return f"{self.page_id} {self.day:%Y-%m-%d} {'+' if self.useful else '-'}"

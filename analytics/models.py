"""Visit analytics: raw hits written with plain INSERTs, and the daily rollups the reports read.

Nothing here identifies a reader: a hit holds a page id, a day, the referrer's host and, for two
days at most, a keyed hash that only distinguishes visitors within one day.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DailySalt(models.Model):
    """The random key of one day's visitor hashes; deleted after two days so none can be linked."""

    day = models.DateField(primary_key=True)
    secret = models.BinaryField(max_length=32)

    class Meta:
        default_permissions = ()

    def __str__(self) -> str:
        return f"salt {self.day}"


class Reason(models.IntegerChoices):
    """Why a hit was (not) counted: 0 is counted, every other value an exclusion rule."""

    COUNTED = 0, _("được tính")
    BOT = 1, _("máy tìm kiếm, bot")
    HEADLESS = 2, _("trình duyệt tự động")
    PREFETCH = 3, _("tải trước, dựng trước")
    DO_NOT_TRACK = 4, _("Do Not Track")
    GLOBAL_PRIVACY_CONTROL = 5, _("Global Privacy Control")
    ADMIN_USER = 6, _("người quản trị đã đăng nhập")
    PREVIEW = 7, _("xem trước")
    METHOD = 8, _("phương thức không phải GET/HEAD")
    UNKNOWN_PAGE = 9, _("trang không tồn tại hoặc chưa xuất bản")


class Hit(models.Model):
    """One beacon request, written with a plain INSERT (the hash is cleared later, in bulk)."""

    day = models.DateField(db_index=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,  # no lookup per insert; a deleted page's hits stop being reported
        db_index=False,  # hits are only read by day; one index less to maintain per insert
        related_name="+",
    )
    reason = models.PositiveSmallIntegerField(choices=Reason.choices, default=Reason.COUNTED)
    # Keyed BLAKE2b of (IP, user agent, site) under the day's salt; cleared with the salt.
    visitor = models.BigIntegerField(null=True)
    referrer_host = models.CharField(max_length=253, blank=True)

    class Meta:
        default_permissions = ()

    def __str__(self) -> str:
        return f"hit {self.pk} ({self.day})"


class DisplayModeHit(models.Model):
    """A counted visit that used a display setting, kept apart so it is never tied to a visitor."""

    day = models.DateField(db_index=True)
    large_text = models.BooleanField(default=False)
    high_contrast = models.BooleanField(default=False)
    reduced_motion = models.BooleanField(default=False)

    class Meta:
        default_permissions = ()

    def __str__(self) -> str:
        return f"display mode {self.day}"


class PageDay(models.Model):
    """Views and unique visitors of one page on one day: what the reports aggregate by tree."""

    day = models.DateField()
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    views = models.PositiveIntegerField()
    visitors = models.PositiveIntegerField()

    class Meta:
        default_permissions = ()
        permissions = [("view_visit_report", "Xem báo cáo lượt truy cập")]
        constraints = [
            models.UniqueConstraint(fields=["day", "page"], name="analytics_pageday_unique")
        ]
        indexes = [models.Index(fields=["page", "day"], name="analytics_pageday_page_day")]

    def __str__(self) -> str:
        return f"page {self.page_id} on {self.day}"


class PageMonth(models.Model):
    """A page's totals for one month (sum of its days), so a monthly report reads few rows."""

    month = models.DateField(help_text="First day of the month.")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    views = models.PositiveIntegerField()
    visitors = models.PositiveIntegerField()

    class Meta:
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["month", "page"], name="analytics_pagemonth_unique")
        ]

    def __str__(self) -> str:
        return f"page {self.page_id} in {self.month:%Y-%m}"


class SectionDay(models.Model):
    """Exact unique visitors of a section on a day, counted over the tree as it was when rolled up.

    Visitor hashes live two days, so this is recomputed while they exist and frozen afterwards;
    page views are never read from here (they follow the current tree through PageDay).
    """

    day = models.DateField()
    section = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    views = models.PositiveIntegerField()
    visitors = models.PositiveIntegerField()

    class Meta:
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["day", "section"], name="analytics_sectionday_unique")
        ]

    def __str__(self) -> str:
        return f"section {self.section_id} on {self.day}"


class ExclusionDay(models.Model):
    """How many hits each exclusion rule dropped on a day: the data-quality view."""

    day = models.DateField()
    reason = models.PositiveSmallIntegerField(choices=Reason.choices)
    hits = models.PositiveIntegerField()

    class Meta:
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["day", "reason"], name="analytics_exclusionday_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} on {self.day}"


class DisplayModeDay(models.Model):
    """Daily counts of visits per display setting; never per visitor, never per page."""

    day = models.DateField(unique=True)
    visits = models.PositiveIntegerField()
    large_text = models.PositiveIntegerField()
    high_contrast = models.PositiveIntegerField()
    reduced_motion = models.PositiveIntegerField()

    class Meta:
        default_permissions = ()

    def __str__(self) -> str:
        return f"display modes on {self.day}"


class RollupState(models.Model):
    """One row: the rollup's lock and watermarks (last hit folded in, last day hashes died)."""

    last_hit_id = models.BigIntegerField(default=0)
    forgotten_through = models.DateField(null=True)
    finished_at = models.DateTimeField(null=True)

    class Meta:
        default_permissions = ()

    def __str__(self) -> str:
        return f"rollup through hit {self.last_hit_id}"


class SectionTarget(models.Model):
    """An optional monthly page-view target for a section, shown in the report as % reached."""

    section = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("chuyên mục"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    month = models.DateField(
        _("tháng"), help_text=_("Ngày bất kỳ trong tháng; chỉ tháng và năm được dùng.")
    )
    page_views = models.PositiveIntegerField(_("chỉ tiêu lượt xem"))

    class Meta:
        verbose_name = _("chỉ tiêu truy cập")
        verbose_name_plural = _("chỉ tiêu truy cập")
        constraints = [
            models.UniqueConstraint(fields=["section", "month"], name="analytics_target_unique")
        ]

    def __str__(self) -> str:
        return f"{self.section} ({self.month:%m/%Y}): {self.page_views}"

    def save(self, *args, **kwargs):
        self.month = self.month.replace(day=1)
        super().save(*args, **kwargs)

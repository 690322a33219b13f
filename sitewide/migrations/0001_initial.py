"""The home, information and search index models, moved here from the `portal` app (now core).

State only: the tables keep their names (`db_table`) and nothing in the database schema changes.
The content types of these models are renamed in place (`portal` -> `sitewide`), so page rows,
revisions, permissions, log entries and Wagtail's reference index keep their content type ids.
On a fresh database there is nothing to rename: the content types are created afterwards.
"""

import django.db.models.deletion
import modelcluster.fields
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

MOVED = ("homepage", "homefeatureditem", "standardpage", "searchentry")


def _relabel(apps, schema_editor, old, new):
    if schema_editor.collect_sql:
        # `sqlmigrate` runs the database operations of SeparateDatabaseAndState to collect their
        # SQL; an ORM update would run for real there.
        return
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.using(schema_editor.connection.alias).filter(
        app_label=old, model__in=MOVED
    ).update(app_label=new)


def forwards(apps, schema_editor):
    _relabel(apps, schema_editor, "portal", "sitewide")


def backwards(apps, schema_editor):
    _relabel(apps, schema_editor, "sitewide", "portal")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("portal", "0006_search_entry_any_object"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="HomePage",
                    fields=[
                        (
                            "page_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to=settings.WAGTAIL_PAGE_MODEL,
                            ),
                        ),
                        (
                            "intro",
                            models.TextField(
                                blank=True,
                                help_text="Một câu giới thiệu cổng thông tin, hiện dưới tiêu đề trang chủ.",
                                max_length=500,
                                verbose_name="lời giới thiệu",
                            ),
                        ),
                        (
                            "latest_per_section",
                            models.PositiveSmallIntegerField(
                                default=4,
                                help_text="Số tin mới nhất hiện cho mỗi chuyên mục trên trang chủ.",
                                verbose_name="số tin mới mỗi chuyên mục",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "trang chủ",
                        "db_table": "portal_homepage",
                    },
                    bases=("wagtailcore.page",),
                ),
                migrations.CreateModel(
                    name="SearchEntry",
                    fields=[
                        ("id", models.BigAutoField(primary_key=True, serialize=False)),
                        ("object_id", models.PositiveBigIntegerField()),
                        ("published_at", models.DateTimeField(blank=True, null=True)),
                        ("title", models.TextField()),
                        ("lead", models.TextField(blank=True)),
                        ("body", models.TextField(blank=True)),
                        (
                            "content_type",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="contenttypes.contenttype",
                            ),
                        ),
                        (
                            "page",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="wagtailcore.page",
                            ),
                        ),
                        (
                            "locale",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="wagtailcore.locale",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "mục chỉ mục tìm kiếm",
                        "verbose_name_plural": "chỉ mục tìm kiếm",
                        "db_table": "portal_searchentry",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("content_type", "object_id"),
                                name="portal_searchentry_object",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="StandardPage",
                    fields=[
                        (
                            "page_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to=settings.WAGTAIL_PAGE_MODEL,
                            ),
                        ),
                        (
                            "intro",
                            models.TextField(
                                blank=True, max_length=1000, verbose_name="đoạn mở đầu"
                            ),
                        ),
                        (
                            "body",
                            wagtail.fields.StreamField(
                                [
                                    ("paragraph", 0),
                                    ("heading", 3),
                                    ("image", 7),
                                    ("quote", 10),
                                    ("table", 11),
                                    ("embed", 14),
                                    ("document", 17),
                                ],
                                blank=True,
                                block_lookup={
                                    0: (
                                        "wagtail.blocks.RichTextBlock",
                                        (),
                                        {
                                            "features": [
                                                "bold",
                                                "italic",
                                                "ol",
                                                "ul",
                                                "link",
                                                "document-link",
                                                "superscript",
                                                "subscript",
                                            ],
                                            "label": "Đoạn văn",
                                            "template": "components/blocks/paragraph.html",
                                        },
                                    ),
                                    1: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"label": "tiêu đề", "max_length": 255},
                                    ),
                                    2: (
                                        "wagtail.blocks.ChoiceBlock",
                                        [],
                                        {
                                            "choices": [
                                                ("h2", "Cấp 2 (mục)"),
                                                ("h3", "Cấp 3 (mục con)"),
                                                ("h4", "Cấp 4"),
                                            ],
                                            "label": "cấp tiêu đề",
                                        },
                                    ),
                                    3: (
                                        "wagtail.blocks.StructBlock",
                                        [[("text", 1), ("level", 2)]],
                                        {},
                                    ),
                                    4: ("wagtail.images.blocks.ImageBlock", [], {"label": "ảnh"}),
                                    5: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {
                                            "help_text": "Hiện dưới ảnh cho mọi người đọc; không thay cho văn bản thay thế.",
                                            "label": "chú thích",
                                            "max_length": 500,
                                            "required": False,
                                        },
                                    ),
                                    6: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {
                                            "help_text": "Để trống để dùng nguồn ghi trong thư viện ảnh.",
                                            "label": "nguồn ảnh",
                                            "max_length": 255,
                                            "required": False,
                                        },
                                    ),
                                    7: (
                                        "wagtail.blocks.StructBlock",
                                        [[("image", 4), ("caption", 5), ("credit", 6)]],
                                        {},
                                    ),
                                    8: ("wagtail.blocks.TextBlock", (), {"label": "trích dẫn"}),
                                    9: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {
                                            "label": "người nói / nguồn",
                                            "max_length": 255,
                                            "required": False,
                                        },
                                    ),
                                    10: (
                                        "wagtail.blocks.StructBlock",
                                        [[("quote", 8), ("attribution", 9)]],
                                        {},
                                    ),
                                    11: ("core.blocks.tables.CaptionedTableBlock", (), {}),
                                    12: (
                                        "wagtail.embeds.blocks.EmbedBlock",
                                        (),
                                        {"label": "địa chỉ nội dung nhúng"},
                                    ),
                                    13: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {
                                            "help_text": "Mô tả ngắn nội dung nhúng, được đọc cho người dùng trình đọc màn hình.",
                                            "label": "tiêu đề khung nhúng",
                                            "max_length": 255,
                                        },
                                    ),
                                    14: (
                                        "wagtail.blocks.StructBlock",
                                        [[("embed", 12), ("title", 13)]],
                                        {},
                                    ),
                                    15: (
                                        "wagtail.documents.blocks.DocumentChooserBlock",
                                        (),
                                        {"label": "tài liệu"},
                                    ),
                                    16: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {
                                            "help_text": "Để trống để dùng tên tài liệu.",
                                            "label": "tên liên kết",
                                            "max_length": 255,
                                            "required": False,
                                        },
                                    ),
                                    17: (
                                        "wagtail.blocks.StructBlock",
                                        [[("document", 15), ("label", 16)]],
                                        {},
                                    ),
                                },
                                verbose_name="nội dung",
                            ),
                        ),
                        (
                            "last_reviewed",
                            models.DateField(
                                blank=True,
                                help_text="Với tuyên bố hỗ trợ tiếp cận: ngày kiểm tra mức độ tuân thủ gần nhất.",
                                null=True,
                                verbose_name="ngày rà soát gần nhất",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "trang thông tin",
                        "db_table": "portal_standardpage",
                    },
                    bases=("wagtailcore.page",),
                ),
                migrations.CreateModel(
                    name="HomeFeaturedItem",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                        (
                            "page",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to=settings.WAGTAIL_PAGE_MODEL,
                                verbose_name="trang",
                            ),
                        ),
                        (
                            "home",
                            modelcluster.fields.ParentalKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="featured_items",
                                to="sitewide.homepage",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "tin nổi bật",
                        "db_table": "portal_homefeatureditem",
                        "ordering": ["sort_order"],
                        "abstract": False,
                    },
                ),
            ],
            database_operations=[migrations.RunPython(forwards, backwards)],
        ),
    ]

"""The listing's own columns (`listed_under`, the status's inputs) and indexes, filled for every document.

`documents/listed.py` keeps them afterwards; here its functions run on the historical models.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


# Frozen here: the model's list may change, this migration's indexes may not.
STATUS_COLUMNS = ["effective_from", "expires_on", "replaced_from", "amended_from"]


def fill_listed_under(apps, schema_editor):
    from documents.listed import relist, restate

    documents = apps.get_model("documents", "LegalDocumentPage")
    relist(page_model=apps.get_model("wagtailcore", "Page"), document_model=documents)
    restate(
        relation_model=apps.get_model("documents", "DocumentRelation"), document_model=documents
    )
    if schema_editor.connection.vendor == "postgresql":
        # Fresh statistics, or the planner keeps guessing the new column's selectivity.
        schema_editor.execute("ANALYZE documents_legaldocumentpage")


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_legal_department"),
        ("portal", "0005_merge_0004_search_entry_0004_site_settings_logo"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="legaldocumentpage",
            name="listed_under",
            field=models.ForeignKey(
                db_index=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.WAGTAIL_PAGE_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="legaldocumentpage",
            name="replaced_from",
            field=models.DateField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="legaldocumentpage",
            name="amended_from",
            field=models.DateField(editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name="legaldocumentpage",
            index=models.Index(
                fields=["listed_under", "issued_on", "page_ptr", *STATUS_COLUMNS],
                name="documents_listed",
            ),
        ),
        migrations.AddIndex(
            model_name="legaldocumentpage",
            index=models.Index(
                fields=["listed_under", "document_type", "issued_on", "page_ptr", *STATUS_COLUMNS],
                name="documents_listed_type",
            ),
        ),
        migrations.AddIndex(
            model_name="legaldocumentpage",
            index=models.Index(
                fields=["listed_under", "issuer", "issued_on", "page_ptr", *STATUS_COLUMNS],
                name="documents_listed_issuer",
            ),
        ),
        migrations.AddIndex(
            model_name="legaldocumentpage",
            index=models.Index(
                fields=["listed_under", "field", "issued_on", "page_ptr", *STATUS_COLUMNS],
                name="documents_listed_field",
            ),
        ),
        migrations.RunPython(fill_listed_under, migrations.RunPython.noop),
    ]

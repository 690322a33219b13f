"""Admin menu "Văn bản": the lists editors keep (types, fields, issuing bodies) as snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from documents.models import DocumentField, DocumentType, IssuingBody


class _ListViewSet(SnippetViewSet):
    icon = "list-ul"
    list_display = ["name", "name_en", "slug", "sort_order"]
    search_fields = ["name", "name_en"]


class DocumentTypeViewSet(_ListViewSet):
    model = DocumentType
    menu_label = _("Loại văn bản")


class DocumentFieldViewSet(_ListViewSet):
    model = DocumentField
    menu_label = _("Lĩnh vực")


class IssuingBodyViewSet(_ListViewSet):
    model = IssuingBody
    menu_label = _("Cơ quan ban hành")


class DocumentListsGroup(SnippetViewSetGroup):
    items = (DocumentTypeViewSet, DocumentFieldViewSet, IssuingBodyViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = _("Văn bản")
    menu_name = "documents"
    menu_order = 320


register_snippet(DocumentListsGroup)

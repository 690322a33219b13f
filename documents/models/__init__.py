"""The documents library's models, split by meaning: lists, pages, what hangs off a page."""

from .disclosure import PublicInformationItem, PublicInformationPage
from .pages import DocumentIndexPage, LegalDocumentPage
from .relations import ArticleDocumentLink, DocumentFile, DocumentRelation
from .snippets import DocumentField, DocumentType, IssuingBody

__all__ = [
    "ArticleDocumentLink",
    "DocumentField",
    "DocumentFile",
    "DocumentIndexPage",
    "DocumentRelation",
    "DocumentType",
    "IssuingBody",
    "LegalDocumentPage",
    "PublicInformationItem",
    "PublicInformationPage",
]

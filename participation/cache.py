"""Purging the public pages that show a question or a comment when its publication changes."""

from wagtail.models import Page

from core.caching.invalidation import affected_urls, page_changed

from .models import DraftComment, Question


def _purge(page: Page, subpath: str = "") -> None:
    urls = affected_urls(page)
    parts = page.get_url_parts()
    if subpath and parts is not None:
        _site_id, root, path = parts
        urls.append((root, path + subpath))
    page_changed(page, urls)


def purge_question(question: Question) -> None:
    """The Q&A page (its list and search variants share its path token) and the answer's address."""
    page = question.index_page
    _purge(page, page.reverse_subpage("question", args=[question.reference]))


def purge_comment(comment: DraftComment) -> None:
    _purge(comment.consultation)

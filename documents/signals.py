"""Publishing a document changes the status shown on the documents it replaces or amends.

The page cache purges the published page and its ancestors; the targets of its relations are
other pages, so their cached copies (and their listings' rows) are purged here.
"""

from typing import Any
from urllib.parse import unquote


def purge_related_documents(sender: Any, page: Any, kind: str, **kwargs: Any) -> None:
    """Receives `core.caching.signals.page_changed` for documents: on (un)publication only."""
    from core.caching import signals
    from core.caching.pages import purge_paths

    if kind not in (signals.PUBLISHED, signals.UNPUBLISHED):
        return
    instance = page
    # Cache entries are keyed by the request's (decoded) path; Wagtail's URLs are percent-encoded.
    paths = [
        unquote(url)
        for relation in instance.relations.select_related("target")
        if (url := relation.target.get_url())
    ]
    if paths:
        purge_paths(paths)

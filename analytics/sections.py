"""Sections for the reports: each home, its children and grandchildren, read from the current tree.

Pages are grouped under a section by the prefix of their tree path (treebeard's materialised
path, four characters a level), so moving a page moves its figures with it.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from wagtail.models import Page

from .conf import home_page_model, setting

STEPLEN = Page.steplen


@dataclass(frozen=True)
class Section:
    page_id: int
    title: str
    tree_path: str
    url_path: str
    level: int  # 0 for a home, 1 for its children, 2 for grandchildren

    @property
    def depth(self) -> int:
        return len(self.tree_path) // STEPLEN


def report_sections() -> list[Section]:
    """Every section in tree order (two queries whatever the size of the tree)."""
    homes = list(
        Page.objects.type(home_page_model())
        .select_related("locale")
        .order_by("path")
        .only("path", "depth", "url_path", "locale__language_code")
    )
    if not homes:
        return []
    levels = [0, *setting("SECTION_DEPTHS")]
    condition = Q()
    for home in homes:
        condition |= Q(
            path__startswith=home.path, depth__in=[home.depth + level for level in levels]
        )
    pages = (
        Page.objects.filter(condition)
        .filter(Q(live=True) | Q(first_published_at__isnull=False))
        .order_by("path")
        .values_list("id", "title", "path", "depth", "url_path")
    )
    sections = []
    for page_id, title, path, depth, url_path in pages:
        home = next(home for home in homes if path.startswith(home.path))
        sections.append(
            Section(
                page_id=page_id,
                title=title,
                tree_path=path,
                url_path=_public_path(home, url_path),
                level=depth - home.depth,
            )
        )
    return sections


def _public_path(home: Page, url_path: str) -> str:
    """The public address: below its home, after the language prefix of a second language."""
    language = home.locale.language_code
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    return f"{prefix}{url_path[len(home.url_path) - 1 :]}"


def paths_by_depth(sections: list[Section]) -> dict[int, dict[str, int]]:
    """{tree depth: {section tree path: section page id}}: the prefixes to group pages by."""
    grouped: dict[int, dict[str, int]] = {}
    for section in sections:
        grouped.setdefault(section.depth, {})[section.tree_path] = section.page_id
    return grouped

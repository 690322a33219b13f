"""The sitemap index's raw query: the latest change of each non-empty part, one index probe each.

The ORM's equivalent (`SitemapSections.listed`, also used on other databases) groups every live
page: a read of the whole page table on each uncached request of `/sitemap.xml`. Here each
(page type, window) pair asks the partial index created by `seo/migrations/0001` for its most
recent listed page (`ORDER BY ... LIMIT 1` on the index's last column), so the index reads a few
index pages per part whatever the corpus. Table and column names come from `_meta`; "public" is
`core.story_sql.public_condition`, the portal's one raw definition of it.
"""

from collections.abc import Sequence
from datetime import datetime

from django.db import connection, transaction
from django.db.models import Max
from wagtail.models import Page

from core.story_sql import public_condition, table

INDEX_NAME = "seo_sitemap_part_lastmod"


def _column(name: str, alias: str = "") -> str:
    column = connection.ops.quote_name(Page._meta.get_field(name).column)
    return f"{alias}.{column}" if alias else column


def window_of(window: int, alias: str = "") -> str:
    """The window number of a page id, written as the index writes it (a literal divisor)."""
    return f"(({_column('id', alias)} - 1) / {int(window)})"


def lastmod_of(alias: str = "") -> str:
    return (
        f"COALESCE({_column('last_published_at', alias)}, "
        f"{_column('latest_revision_created_at', alias)})"
    )


def index_definition(window: int) -> str:
    """The partial index the probes walk: live pages by type, window, latest change first."""
    return (
        f"ON {table(Page)} "
        f"({_column('content_type_id')}, {window_of(window)}, ({lastmod_of()}) DESC NULLS LAST) "
        f"WHERE {_column('live')}"
    )


def latest_changes(
    content_type_ids: Sequence[int], root_paths: Sequence[str], window: int
) -> list[tuple[int, int, datetime | None]]:
    """(content type id, window, latest change) of every window holding a listed page of a type."""
    if not content_type_ids or not root_paths:
        return []
    under_a_site = " OR ".join(f"left({_column('url_path', 'p')}, %s) = %s" for _ in root_paths)
    # The last window as a constant: PostgreSQL then knows how many probes it plans (with a
    # subquery it guesses a thousand windows and compiles the query, which costs more than it runs).
    last_id = Page.objects.aggregate(last=Max("id"))["last"] or 1
    params: list = [list(content_type_ids), (last_id - 1) // int(window)]
    for root_path in root_paths:
        params += [len(root_path), root_path]
    sql = f"""
        SELECT t.ct, w.n, latest.lastmod
        FROM unnest(%s::integer[]) AS t(ct)
        CROSS JOIN generate_series(0, %s) AS w(n)
        CROSS JOIN LATERAL (
            SELECT {lastmod_of("p")} AS lastmod
            FROM {table(Page)} p
            WHERE {_column("live", "p")} AND {_column("content_type_id", "p")} = t.ct
                AND {window_of(window, "p")} = w.n
                AND ({under_a_site}) AND {public_condition("p")}
            ORDER BY {lastmod_of("p")} DESC NULLS LAST
            LIMIT 1
        ) AS latest
        ORDER BY t.ct, w.n
    """
    with transaction.atomic(), connection.cursor() as cursor:
        # Its cost estimate grows with the probes it plans, and past PostgreSQL's JIT threshold
        # compiling the query would take far longer than the probes themselves.
        cursor.execute("SET LOCAL jit = off")
        cursor.execute(sql, params)
        return [(ct, n, lastmod) for ct, n, lastmod in cursor.fetchall()]

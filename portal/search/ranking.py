"""Ranking a query over the site search index: which pages, in which order, how many.

The rules (pinned by portal/tests/test_search_ranking.py):

1. Pages holding every word of the query come before pages holding only some of them.
2. Within each group, relevance: a word in the title (weight A) counts most, then the lead (B),
   then the body and tags (C); words close together and in the query's order count more (the
   proximity term of `ts_rank`, which RUM's `<=>` distance computes from the index).
3. The query's words as a phrase (adjacent syllables, "chuyển đổi số") doubles a page's score;
   a query typed with diacritics doubles the score of pages whose title or lead has the words with
   those same diacritics ("Đà Nẵng" before "đã nắng"). Diacritics are otherwise ignored.
4. Recency adds at most 10 % (fading over a year) and breaks ties.

PostgreSQL reads the best candidates through the RUM index in blocks of `BLOCK` (ordered by rules
1-2 without ranking every match), then orders each block by the full score: a results page costs
the same at 120,000 articles as at 500, and every match stays reachable. Counts are exact up to
`COUNT_LIMIT` and stated as "more than" beyond. SQLite (development) keeps a simpler ranking.
"""

from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from django.db import connection

from portal.story_sql import public_condition

BLOCK = 100
COUNT_LIMIT = 1000


@dataclass
class SearchFilters:
    """What narrows a search: all optional except the page types."""

    content_type_ids: list[int]
    locale_id: int | None = None
    section_path: str | None = None
    date_from: datetime | None = None
    date_to: datetime | None = None


@dataclass
class RankedPage:
    """One page of results: page ids in order, the count (a lower bound when `count_is_estimate`)."""

    ids: list[int]
    count: int
    count_is_lower_bound: bool
    some_words_from: int | None = None  # position of the first "some words" result, if any
    extra: dict[str, Any] = field(default_factory=dict)


@lru_cache(maxsize=4)
def _has_rum(alias: str) -> bool:
    """Whether the index is RUM (ordered top-k) or GIN (rank every match); asked once a process."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT am.amname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_am am ON am.oid = c.relam WHERE c.relname = 'portal_searchentry_document'"
        )
        row = cursor.fetchone()
    return bool(row and row[0] == "rum")


def _filters_sql(filters: SearchFilters) -> tuple[str, list[Any]]:
    conditions = ["p.live", public_condition("p")]
    params: list[Any] = []
    conditions.append(f"p.content_type_id IN ({', '.join(['%s'] * len(filters.content_type_ids))})")
    params.extend(filters.content_type_ids)
    if filters.locale_id is not None:
        conditions.append("p.locale_id = %s")
        params.append(filters.locale_id)
    if filters.section_path:
        conditions.append("p.path LIKE %s AND p.path <> %s")
        params.extend([filters.section_path + "%", filters.section_path])
    if filters.date_from is not None:
        conditions.append("p.first_published_at >= %s")
        params.append(filters.date_from)
    if filters.date_to is not None:
        conditions.append("p.first_published_at <= %s")
        params.append(filters.date_to)
    return " AND ".join(conditions), params


# The query's tsqueries, computed once per statement. `some` is `all` with AND turned into OR.
QUERIES = """
q AS (
  SELECT all_words, replace(all_words::text, ' & ', ' | ')::tsquery AS some_words,
         phraseto_tsquery('portal_vietnamese', %(q)s) AS phrase,
         plainto_tsquery('simple', %(q)s) AS exact
  FROM plainto_tsquery('portal_vietnamese', %(q)s) AS all_words
)"""


def _tier_sql(tier: int, where: str, newest: bool, rum: bool) -> str:
    """One group's results for the page: tier 1 holds every word, tier 2 some but not all."""
    match = (
        "e.document @@ q.all_words"
        if tier == 1
        else "e.document @@ q.some_words AND NOT e.document @@ q.all_words"
    )
    target = "q.all_words" if tier == 1 else "q.some_words"
    limit, offset = f"%(limit{tier})s", f"%(offset{tier})s"
    if newest:
        return f"""(SELECT e.page_id, {tier} AS tier FROM portal_searchentry e
          JOIN wagtailcore_page p ON p.id = e.page_id, q
          WHERE {match} AND {where}
          ORDER BY p.first_published_at DESC, p.id DESC LIMIT {limit} OFFSET {offset})"""
    coarse = f"e.document <=> {target}" if rum else f"1 / (ts_rank(e.document, {target}) + 1e-9)"
    # The window is numbered after its LIMIT: numbering inside would rank every match.
    return f"""(SELECT page_id, {tier} AS tier FROM (
        SELECT c.page_id, c.first_published_at,
               (row_number() OVER (ORDER BY c.distance, c.page_id) - 1) / {BLOCK} AS block,
               (1 / (c.distance + 1e-9))
               * CASE WHEN c.document @@ q.phrase THEN 2 ELSE 1 END
               * CASE WHEN %(has_diacritics)s AND c.exact @@ q.exact THEN 2 ELSE 1 END
               * (1 + 0.1 * exp(-extract(epoch FROM now() - c.first_published_at) / 31536000.0))
                 AS score
        FROM (
          SELECT e.page_id, e.document, e.exact, p.first_published_at, {coarse} AS distance
          FROM portal_searchentry e JOIN wagtailcore_page p ON p.id = e.page_id, q
          WHERE {match} AND {where}
          ORDER BY {coarse} LIMIT %(window{tier})s
        ) c, q
      ) r
      WHERE block >= %(first_block{tier})s
      ORDER BY block, score DESC, first_published_at DESC, page_id DESC
      LIMIT {limit} OFFSET {offset})"""


def _count_sql(where: str) -> str:
    return f"""SELECT
      (SELECT count(*) FROM (SELECT 1 FROM portal_searchentry e
         JOIN wagtailcore_page p ON p.id = e.page_id, q
         WHERE e.document @@ q.all_words AND {where} LIMIT %(count_limit)s) a),
      (SELECT count(*) FROM (SELECT 1 FROM portal_searchentry e
         JOIN wagtailcore_page p ON p.id = e.page_id, q
         WHERE e.document @@ q.some_words AND NOT e.document @@ q.all_words AND {where}
         LIMIT %(count_limit)s) s)"""


def _window(offset: int, limit: int) -> dict[str, int]:
    """The blocks a slice of a tier touches: how many candidates to read, where the slice starts."""
    if limit <= 0:
        return {"window": 0, "first_block": 0, "offset": 0, "limit": 0}
    first_block = offset // BLOCK
    last_block = (offset + limit - 1) // BLOCK
    return {
        "window": (last_block + 1) * BLOCK,
        "first_block": first_block,
        "offset": offset - first_block * BLOCK,
        "limit": limit,
    }


def rank(
    query: str,
    filters: SearchFilters,
    offset: int,
    size: int,
    newest: bool = False,
    has_diacritics: bool = False,
) -> RankedPage:
    """The ids of results `offset` to `offset + size` and the count, in two statements."""
    if connection.vendor != "postgresql":
        from portal.search.simple_ranking import rank_simple

        return rank_simple(query, filters, offset, size, newest)
    where, positional = _filters_sql(filters)
    # Named parameters throughout: the filter's %s become %(fN)s in order.
    parts = where.split("%s")
    where = "".join(
        part + (f"%(f{i})s" if i < len(parts) - 1 else "") for i, part in enumerate(parts)
    )
    params: dict[str, Any] = {f"f{i}": value for i, value in enumerate(positional)}
    params.update(q=query, count_limit=COUNT_LIMIT + 1, has_diacritics=has_diacritics)
    with connection.cursor() as cursor:
        cursor.execute(f"WITH {QUERIES} {_count_sql(where)}", params)
        all_count, some_count = cursor.fetchone()
        all_bounded = all_count > COUNT_LIMIT
        if all_bounded:
            # More than COUNT_LIMIT pages hold every word: they are the list, to its end.
            first, second = _window(offset, size + 1), _window(0, 0)
            count, lower_bound, some_from = COUNT_LIMIT, True, None
        else:
            in_first = max(0, min(size, all_count - offset))
            first = _window(offset, in_first)
            second = _window(max(0, offset - all_count), size + 1 - in_first)
            count = all_count + min(some_count, COUNT_LIMIT)
            lower_bound = some_count > COUNT_LIMIT
            some_from = all_count if some_count else None
        for tier, window in ((1, first), (2, second)):
            params.update({f"{key}{tier}": value for key, value in window.items()})
        rum = _has_rum(connection.alias)
        cursor.execute(
            f"WITH {QUERIES} {_tier_sql(1, where, newest, rum)} "
            f"UNION ALL {_tier_sql(2, where, newest, rum)}",
            params,
        )
        # Tier 1 before tier 2; each keeps its own order (sorted() is stable).
        rows = sorted(cursor.fetchall(), key=lambda row: row[1])
    ids = [row[0] for row in rows]
    return RankedPage(
        ids=ids[:size],
        count=count,
        count_is_lower_bound=lower_bound,
        some_words_from=some_from,
        extra={"has_next": len(ids) > size},
    )

"""Ranking a query over the site search index: which pages, in which order, how many.

The rules (pinned by portal/tests/test_search_ranking.py):

1. Pages with every word of the query in their title or lead come first (tier 1), then pages
   with every word somewhere (tier 2). Only when no page has every word, pages with some of the
   words in their title or lead are listed (tier 3): a syllable such as "mới" or "số" is in most
   pages, so "some words" after "all words" would list the whole corpus, slowly.
2. Within a tier, `ts_rank` over the weighted vector: a word in the title (A) counts more than in
   the lead (B) or the body and tags (C), and words close together count more.
3. The query's words as a phrase (adjacent syllables in order, "chuyển đổi số") double a page's
   score; a query typed with diacritics doubles the score of pages whose title or lead has the
   words with those very diacritics ("Đà Nẵng" before "đã nắng"). Matching ignores diacritics.
4. A title made of the query's words and no others (the reader typed the whole title) triples
   the score: "Bộ lấy ý kiến về quy chế" before "Đoàn công tác của Bộ lấy ý kiến về quy chế".
5. Recency adds at most 10 % (fading over a year) and breaks ties.

Bounded work per results page, whatever the corpus: each tier's candidates are read newest first
in blocks (`HEAD_BLOCK` title-and-lead matches, `BLOCK` body matches, read from narrow rows) and
each block is ranked in full. A query found in fewer titles than a block (every exact-title query)
is ranked exactly; a very common one is ranked within its newest 300 title matches first.
Counts are exact up to `COUNT_LIMIT` and stated as "more than" beyond; a tier that passes it is the
last one listed. docs/performance.md ("Search") has the measurements behind these choices.
SQLite (development) keeps a simpler ranking (portal/search/simple_ranking.py).
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import connection

from portal.story_sql import public_condition

BLOCK = 100
HEAD_BLOCK = 300
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
         plainto_tsquery('simple', %(q)s) AS exact,
         length(to_tsvector('portal_vietnamese', %(q)s)) AS words
  FROM plainto_tsquery('portal_vietnamese', %(q)s) AS all_words
)"""

# Tier 1: every word in the title or lead; 2: every word, not all in the title or lead;
# 3: some of the words only. The match conditions use the statement's literal tsquery (an index
# cannot be used with a value read from the CTE).
ALL = "plainto_tsquery('portal_vietnamese', %(q)s)"
SOME = f"replace({ALL}::text, ' & ', ' | ')::tsquery"
MATCH = {
    1: f"e.head @@ {ALL}",
    2: f"e.document @@ {ALL} AND NOT e.head @@ {ALL}",
    # Only reached when no page has every word (see _count_sql), so nothing needs excluding.
    3: f"e.head @@ {SOME}",
}
# Newest first: every page with all the words, by date, then those with some of them.
MATCH_NEWEST = {1: f"e.document @@ {ALL}", 2: "FALSE", 3: MATCH[3]}
SCORE = """
  * CASE WHEN length(to_tsvector('portal_vietnamese', c.title)) <= q.words
          AND to_tsvector('portal_vietnamese', c.title) @@ q.all_words THEN 3 ELSE 1 END
  * CASE WHEN c.{vector} @@ q.phrase THEN 2 ELSE 1 END
  * CASE WHEN %(has_diacritics)s AND c.exact @@ q.exact THEN 2 ELSE 1 END
  * (1 + 0.1 * exp(-extract(epoch FROM now() - c.first_published_at) / 31536000.0))"""


def _tier_sql(tier: int, where: str, newest: bool) -> str:
    """One tier's slice of results for the page (LIMIT 0 when the page does not reach it).

    Candidates come newest first (page ids grow with time) in blocks; `page_id + 0` keeps the
    planner from walking the primary key backwards, which would read each row's toasted vector to
    test it, where the GIN bitmap answers without reading them; each block is ranked in full by the score. A tier with
    fewer matches than a block is ranked exactly; a larger one is ranked within its newest
    block first, then the next block, and so on: every match stays reachable.
    """
    match = (MATCH_NEWEST if newest else MATCH)[tier]
    limit, offset = f"%(limit{tier})s", f"%(offset{tier})s"
    if newest:
        return f"""(SELECT e.page_id, {tier} AS tier FROM portal_searchentry e
          JOIN wagtailcore_page p ON p.id = e.page_id
          WHERE {match} AND {where}
          ORDER BY p.first_published_at DESC, p.id DESC LIMIT {limit} OFFSET {offset})"""
    block = HEAD_BLOCK if tier == 1 else BLOCK
    target = "q.some_words" if tier == 3 else "q.all_words"
    vector = "head" if tier in (1, 3) else "document"
    return f"""(SELECT page_id, {tier} AS tier FROM (
        SELECT c.page_id, c.first_published_at,
               (row_number() OVER (ORDER BY c.page_id DESC) - 1) / {block} AS block,
               ts_rank(c.{vector}, {target}) {SCORE.format(vector=vector)} AS score
        FROM (
          SELECT e.page_id, e.{vector}, e.exact, e.title, p.first_published_at
          FROM portal_searchentry e JOIN wagtailcore_page p ON p.id = e.page_id
          WHERE {match} AND {where}
          ORDER BY e.page_id + 0 DESC LIMIT %(window{tier})s
        ) c, q
      ) r
      WHERE block >= %(first_block{tier})s
      ORDER BY block, score DESC, first_published_at DESC, page_id DESC
      LIMIT {limit} OFFSET {offset})"""


def _count_sql(where: str, newest: bool) -> str:
    """Each tier's count, stopped after COUNT_LIMIT + 1 rows, and only when this page reaches the
    tier (`%(reach)s` is one past the page's last row): a title query's first page counts its
    title matches only, never the thousands of bodies that mention the same words."""

    matches = MATCH_NEWEST if newest else MATCH

    def count(tier: int) -> str:
        return f"""(SELECT count(*) FROM (SELECT 1 FROM portal_searchentry e
         JOIN wagtailcore_page p ON p.id = e.page_id
         WHERE {matches[tier]} AND {where} LIMIT %(count_limit)s) t{tier})"""

    return f"""c1 AS MATERIALIZED (SELECT {count(1)} AS n),
    c2 AS MATERIALIZED (
      SELECT c1.n AS n1, CASE WHEN c1.n < %(count_limit)s AND %(reach)s > c1.n
                              THEN {count(2)} END AS n2 FROM c1)
    SELECT n1, n2, CASE WHEN n1 + n2 = 0 THEN {count(3)} ELSE 0 END FROM c2"""


def _window(offset: int, limit: int, block: int = BLOCK) -> dict[str, int]:
    """The blocks a slice of a tier touches: how many candidates to read, where the slice starts."""
    if limit <= 0:
        return {"window": 0, "first_block": 0, "offset": 0, "limit": 0}
    first_block = offset // block
    last_block = (offset + limit - 1) // block
    return {
        "window": (last_block + 1) * block,
        "first_block": first_block,
        "offset": offset - first_block * block,
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
    params.update(
        q=query,
        count_limit=COUNT_LIMIT + 1,
        has_diacritics=has_diacritics,
        reach=offset + size + 1,
    )
    with connection.cursor() as cursor:
        cursor.execute(f"WITH {QUERIES}, {_count_sql(where, newest)}", params)
        counts = cursor.fetchone()
        layout = _layout(counts, offset, size)
        for tier in (1, 2, 3):
            params.update({f"{key}{tier}": value for key, value in layout["windows"][tier].items()})
        cursor.execute(
            f"WITH {QUERIES} "
            + " UNION ALL ".join(_tier_sql(tier, where, newest) for tier in (1, 2, 3)),
            params,
        )
        # Tier by tier; each keeps its own order (sorted() is stable).
        rows = sorted(cursor.fetchall(), key=lambda row: row[1])
    ids = [row[0] for row in rows]
    return RankedPage(
        ids=ids[:size],
        count=layout["count"],
        count_is_lower_bound=layout["lower_bound"],
        some_words_from=layout["some_from"],
        extra={"has_next": len(ids) > size},
    )


def _layout(counts: tuple[int | None, ...], offset: int, size: int) -> dict[str, Any]:
    """Where each tier starts in the list, and which slice of each this page needs.

    A tier with more than COUNT_LIMIT matches is the last one listed (its end is not known, so
    nothing can follow it). A tier the page does not reach is not counted: the count is then a
    lower bound ("at least"), as it is past COUNT_LIMIT.
    """
    windows: dict[int, dict[str, int]] = {}
    start, count, lower_bound, some_from = 0, 0, False, None
    want_from, want_to = offset, offset + size + 1  # one more than the page: is there a next?
    for tier, tier_count in zip((1, 2, 3), counts, strict=True):
        if lower_bound or tier_count is None:
            windows[tier] = _window(0, 0)
            lower_bound = True
            continue
        bounded = tier_count > COUNT_LIMIT
        end = want_to if bounded else start + tier_count
        first, last = max(want_from, start), min(want_to, end)
        windows[tier] = _window(first - start, last - first, HEAD_BLOCK if tier == 1 else BLOCK)
        if tier == 3 and tier_count:
            some_from = start
        count += min(tier_count, COUNT_LIMIT)
        start += tier_count
        lower_bound = bounded
    return {"windows": windows, "count": count, "lower_bound": lower_bound, "some_from": some_from}

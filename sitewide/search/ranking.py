"""Ranking a query over the site search index: which entries, in which order, how many.

The rules (pinned by sitewide/tests/test_search_ranking.py):

1. Entries with every word of the query in their title or lead come first (tier 1), then entries
   with every word somewhere (tier 2). Only when no entry has every word, entries with some of the
   words in their title or lead are listed (tier 3): a syllable such as "mới" or "số" is in most
   pages, so "some words" after "all words" would list the whole corpus, slowly.
2. Within a tier, `ts_rank` over the weighted vector: a word in the title (A) counts more than in
   the lead (B) or the body and tags (C), and words close together count more.
3. The query's words as a phrase (adjacent syllables in order, "chuyển đổi số") double a score;
   a query typed with diacritics doubles the score of entries whose title or lead has the words
   with those very diacritics ("Đà Nẵng" before "đã nắng"). Matching ignores diacritics.
4. A title made of the query's words and no others (the reader typed the whole title) triples
   the score: "Bộ lấy ý kiến về quy chế" before "Đoàn công tác của Bộ lấy ý kiến về quy chế".
5. Recency adds at most 10 % (fading over a year) and breaks ties.

One statement per results page, with work bounded by how deep the page is, not by the corpus:
each tier's candidates are read newest first, at most `max(COUNT_LIMIT, the page's reach)` of
them, and ranked in blocks (`HEAD_BLOCK` title-and-lead matches, `BLOCK` body matches), each
block in full. A tier is counted exactly while it has fewer candidates than were read; a page
that reaches past a tier's end has read, and so counted, the whole tier, and the next tier
follows: every match is reachable. A count not known exactly is estimated from a fixed sixteenth
of the index (partial GIN indexes on `id % 16 = 0`) and said to be an estimate.
docs/performance.md ("Search") has the measurements behind these choices.
SQLite (development) keeps a simpler ranking (sitewide/search/simple_ranking.py).
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import connection, transaction

from core.story_sql import public_condition

BLOCK = 100
HEAD_BLOCK = 300
COUNT_LIMIT = 1000
SAMPLE = 16  # the estimate reads entries whose id is a multiple of this (partial indexes, 0006)


# For this transaction only. The index's text and vectors live in TOAST, which the planner does not
# cost: for a query of common syllables it would test every row's vector in a sequential scan
# (reading each from TOAST) where the GIN bitmap answers without reading any. Parallel workers
# would be started for tiers the statement never reads; a common word's candidates sort in memory.
PLANNER = (
    "SELECT set_config('enable_seqscan', 'off', true),"
    " set_config('max_parallel_workers_per_gather', '0', true),"
    " set_config('work_mem', '16MB', true)"
)


@dataclass
class SearchFilters:
    """What narrows a search: all optional except the content types."""

    content_type_ids: list[int]
    locale_id: int | None = None
    section_path: str | None = None
    date_from: datetime | None = None
    date_to: datetime | None = None


@dataclass
class RankedHit:
    """One result: the index entry and what it stands for."""

    entry_id: int
    content_type_id: int
    object_id: int


@dataclass
class RankedPage:
    """One page of results in order, and the count (an estimate when `count_is_estimate`)."""

    hits: list[RankedHit]
    count: int
    count_is_estimate: bool
    some_words_from: int | None = None  # position of the first "some words" result, if any
    extra: dict[str, Any] = field(default_factory=dict)


def _filters_sql(filters: SearchFilters) -> tuple[str, str, dict[str, Any]]:
    """The filters as SQL: (on the entry `e` alone, on its governing page `p`), named parameters.

    The entry carries its type, language and date; publication, view restrictions and the section
    are the page's (they change without the entry being written again).
    """
    params: dict[str, Any] = {}
    names = []
    for number, type_id in enumerate(filters.content_type_ids):
        params[f"ct{number}"] = type_id
        names.append(f"%(ct{number})s")
    entry = [f"e.content_type_id IN ({', '.join(names) or 'NULL'})"]
    if filters.locale_id is not None:
        entry.append("e.locale_id = %(locale)s")
        params["locale"] = filters.locale_id
    if filters.date_from is not None:
        entry.append("e.published_at >= %(date_from)s")
        params["date_from"] = filters.date_from
    if filters.date_to is not None:
        entry.append("e.published_at <= %(date_to)s")
        params["date_to"] = filters.date_to
    page = ["p.live", public_condition("p")]
    if filters.section_path:
        page.append("p.path LIKE %(section_prefix)s AND p.path <> %(section)s")
        params.update(section_prefix=filters.section_path + "%", section=filters.section_path)
    return " AND ".join(entry), " AND ".join(page), params


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
    # Tier 2 is read only when tier 1 was read to its end, so its rows are all in t1: excluding
    # them by id spares reading each body match's title-and-lead vector from TOAST.
    2: f"e.document @@ {ALL} AND e.id NOT IN (SELECT id FROM t1)",
    3: f"e.head @@ {SOME}",
}
# Newest first: every entry with all the words, by date, then (only if none) those with some.
MATCH_NEWEST = {1: f"e.document @@ {ALL}", 2: "FALSE", 3: MATCH[3]}
SCORE = """
  * CASE WHEN length(ts_filter(e.head, '{{a}}')) <= q.words
          AND ts_filter(e.head, '{{a}}') @@ q.all_words THEN 3 ELSE 1 END
  * CASE WHEN e.{vector} @@ q.phrase THEN 2 ELSE 1 END
  * CASE WHEN %(has_diacritics)s AND e.exact @@ q.exact THEN 2 ELSE 1 END
  * (1 + 0.1 * exp(-extract(epoch FROM now() - c.published_at) / 31536000.0))"""
NEWEST = "published_at DESC NULLS LAST, id DESC"
# Where each tier starts in the whole list, and whether the statement reads it at all.
START = {1: "0", 2: "(SELECT n1 FROM n1)", 3: "0"}
READS = {
    1: "TRUE",
    2: "(SELECT n1 FROM n1) < %(reach)s",
    3: "(SELECT n1 FROM n1) = 0 AND (SELECT n2 FROM n2) = 0",
}


def _candidates(tier: int, entry: str, page: str, newest: bool) -> str:
    """The tier's newest matches, at most `cap`: what it ranks and counts (InitPlan-gated).

    The entries are sorted first (narrow rows, from the GIN bitmap), then their pages are read
    one by one until `cap` pass (`OFFSET 0` keeps that order of work): joining every match's page
    before sorting reads the whole page table for a common word.
    """
    match = (MATCH_NEWEST if newest else MATCH)[tier]
    return f"""t{tier} AS MATERIALIZED (
      SELECT e.id, e.published_at, e.content_type_id, e.object_id
      FROM (
        SELECT e.id, e.published_at, e.content_type_id, e.object_id, e.page_id
        FROM portal_searchentry e
        WHERE {match} AND {entry} AND {READS[tier]}
        ORDER BY e.{NEWEST.replace(", id", ", e.id")} OFFSET 0
      ) e
      JOIN wagtailcore_page p ON p.id = e.page_id
      WHERE {page}
      ORDER BY e.{NEWEST.replace(", id", ", e.id")} LIMIT %(cap)s)"""


def _slice(tier: int, newest: bool) -> str:
    """The rows of this tier that fall on the page, with their position in the whole list."""
    start = START[tier]
    numbered = (
        "SELECT id, published_at, content_type_id, object_id,"
        f" row_number() OVER (ORDER BY {NEWEST}) - 1 AS rn FROM t{tier}"
    )
    if newest:
        return f"""SELECT {tier} AS tier, rn + {start} AS pos, id, content_type_id, object_id
          FROM ({numbered}) c
          WHERE rn + {start} >= %(offset)s AND rn + {start} < %(reach)s"""
    block = HEAD_BLOCK if tier == 1 else BLOCK
    vector = "document" if tier == 2 else "head"
    target = "q.some_words" if tier == 3 else "q.all_words"
    return f"""SELECT {tier} AS tier, pos, id, content_type_id, object_id FROM (
        SELECT id, content_type_id, object_id, block * {block} + row_number() OVER (
                 PARTITION BY block ORDER BY score DESC, {NEWEST}) - 1 + {start} AS pos
        FROM (
          SELECT c.id, c.content_type_id, c.object_id, c.published_at, c.block,
                 ts_rank(e.{vector}, {target}) {SCORE.format(vector=vector)} AS score
          FROM (
            SELECT id, published_at, content_type_id, object_id, rn / {block} AS block
            FROM ({numbered}) n
          ) c
          JOIN portal_searchentry e ON e.id = c.id CROSS JOIN q
          WHERE %(reach)s > {start}
            AND c.block >= GREATEST(%(offset)s - {start}, 0) / {block}
            AND c.block <= (%(reach)s - {start} - 1) / {block}
        ) scored
      ) ranked
      WHERE pos >= %(offset)s AND pos < %(reach)s"""


def _estimate(entry: str, section: str, match: str, needed: str) -> str:
    """Matches among a fixed sixteenth of the index, times sixteen (only when `needed`).

    Read from the entries alone (type, language, dates), joining the pages only for a section:
    publication and view restrictions rarely exclude an entry, and an estimate may ignore them.
    """
    join = f"JOIN wagtailcore_page p ON p.id = e.page_id AND {section}" if section else ""
    return f"""(SELECT count(*) * {SAMPLE} FROM portal_searchentry e {join}
       WHERE {match} AND e.id %% {SAMPLE} = 0 AND {entry} AND {needed})"""


def _statement(entry: str, page: str, section: str, newest: bool) -> str:
    exact_all = "(SELECT n1 FROM n1) < %(cap)s AND COALESCE((SELECT n2 FROM n2), %(cap)s) < %(cap)s"
    all_match = f"e.document @@ {ALL}"
    # Newest first has no second tier (its first holds every all-words match): nothing to count.
    n2 = "0" if newest else f"CASE WHEN {READS[2]} THEN (SELECT count(*) FROM t2) END"
    counts = f"""SELECT 0, (SELECT n1 FROM n1), (SELECT n2 FROM n2), (SELECT count(*) FROM t3),
          {_estimate(entry, section, all_match, f"NOT ({exact_all})")},
          {_estimate(entry, section, MATCH[3], "(SELECT count(*) FROM t3) >= %(cap)s")}"""
    return f"""WITH {QUERIES},
    {_candidates(1, entry, page, newest)},
    n1 AS (SELECT count(*) AS n1 FROM t1),
    {_candidates(2, entry, page, newest)},
    n2 AS (SELECT {n2} AS n2),
    {_candidates(3, entry, page, newest)}
    {counts}
    UNION ALL
    SELECT tier, pos, id, content_type_id, object_id, 0 FROM (
      {" UNION ALL ".join(f"({_slice(tier, newest)})" for tier in (1, 2, 3))}
    ) hits"""


def rank(
    query: str,
    filters: SearchFilters,
    offset: int,
    size: int,
    newest: bool = False,
    has_diacritics: bool = False,
) -> RankedPage:
    """Results `offset` to `offset + size` and the count, in one statement."""
    if connection.vendor != "postgresql":
        from sitewide.search.simple_ranking import rank_simple

        return rank_simple(query, filters, offset, size, newest)
    entry, page, params = _filters_sql(filters)
    section = (
        "p.path LIKE %(section_prefix)s AND p.path <> %(section)s" if filters.section_path else ""
    )
    reach = offset + size + 1  # one more than the page: is there a next one?
    blocks = -(-reach // HEAD_BLOCK) * HEAD_BLOCK
    params.update(
        q=query,
        has_diacritics=has_diacritics,
        offset=offset,
        reach=reach,
        cap=max(COUNT_LIMIT, blocks) + 1,
    )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(PLANNER)
        cursor.execute(_statement(entry, page, section, newest), params)
        rows = cursor.fetchall()
    counts = next(row for row in rows if row[0] == 0)
    hits = [RankedHit(*row[2:5]) for row in sorted(row for row in rows if row[0] != 0)]
    count, estimate = _count(counts[1:], params["cap"])
    return RankedPage(
        hits=hits[:size],
        count=count,
        count_is_estimate=estimate,
        # "Some words" results are listed only when nothing has every word: they start at 0.
        some_words_from=0 if counts[1] == 0 and counts[2] == 0 and counts[3] else None,
        extra={"has_next": len(hits) > size},
    )


def _count(counts: tuple[Any, ...], cap: int) -> tuple[int, bool]:
    """The count to state: exact when every tier listed was read to its end, else estimated."""
    n1, n2, n3, estimate_all, estimate_some = counts
    if n1 == 0 and n2 == 0:
        if n3 < cap:
            return n3, False
        return _rounded(max(estimate_some or 0, n3)), True
    known = n1 + (n2 or 0)
    if n1 < cap and n2 is not None and n2 < cap:
        return known, False
    return _rounded(max(estimate_all or 0, known)), True


def _rounded(value: int) -> int:
    """An estimate to two significant figures (never pretend to more precision than a sample has)."""
    if value < 100:
        return value
    magnitude = 10 ** (len(str(value)) - 2)
    return round(value / magnitude) * magnitude

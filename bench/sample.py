"""The corpus, not one page: a seeded random sample of pages of every kind, timed uncached.

`make bench` draws at least 300 pages (`--quick`: fewer, for CI): articles uniformly over the
whole corpus plus, so that no kind goes unmeasured, articles without tags, with one tag and with
many, English articles, every multimedia type, section listings at random page numbers (both
languages), tag searches, feeds, the sitemap and both homes. Each page is requested once with
the page cache off (after one warm-up request per kind, so a template's first compilation is not
counted); the report gives p50/p95/p99/max per kind and the worst five URLs with their query
counts. Any page over `MAX_MS` or answering other than 200 fails the run; pages over their
kind's query budget are listed.
"""

from __future__ import annotations

import gc
import random
import statistics
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

MAX_MS = 1000.0
QUERY_BUDGETS = {"article": 10, "section": 12, "home": 15, "media": 15}
UNIFORM_ARTICLES = 200


@dataclass
class Sampled:
    kind: str
    url: str
    ms: float = 0.0
    queries: int = 0
    status: int = 0


def draw(seed: int, quick: bool) -> list[Sampled]:
    """The sample: the same pages for the same seed and corpus."""
    from django.conf import settings
    from django.db.models import Count
    from wagtail.models import Page

    from core.listing import story_page_models
    from news.models import ArticlePage, SectionPage

    rng = random.Random(seed)
    scale = 0.2 if quick else 1.0

    def pick(values: list, n: int) -> list:
        return rng.sample(values, min(len(values), max(1, round(n * scale))))

    sample: list[Sampled] = []
    live = ArticlePage.objects.live()
    vi_ids = list(live.filter(locale__language_code="vi").values_list("pk", flat=True))
    en_ids = list(live.filter(locale__language_code="en").values_list("pk", flat=True))
    tags = live.annotate(n=Count("tagged_items"))
    by_tags = {
        "article_untagged": list(tags.filter(n=0).values_list("pk", flat=True)[:500]),
        "article_one_tag": list(tags.filter(n=1).values_list("pk", flat=True)[:2000]),
        "article_many_tags": list(tags.filter(n__gte=3).values_list("pk", flat=True)[:2000]),
    }
    chosen: list[tuple[str, int]] = [("article", pk) for pk in pick(vi_ids, UNIFORM_ARTICLES)]
    chosen += [("article_en", pk) for pk in pick(en_ids, 20)]
    for kind, ids in by_tags.items():
        chosen += [(kind, pk) for pk in pick(ids, 10)]
    newest = live.order_by("-first_published_at", "-pk").values_list("pk", flat=True).first()
    if newest:
        chosen.append(("article_newest", newest))
    for model in story_page_models():
        if model is ArticlePage:
            continue
        ids = list(model.objects.live().values_list("pk", flat=True))
        chosen += [(f"media_{model._meta.model_name}", pk) for pk in pick(ids, 5)]
    pages = Page.objects.in_bulk([pk for _kind, pk in chosen])
    sample += [Sampled(kind, pages[pk].url) for kind, pk in chosen if pk in pages]

    size = settings.PORTAL_LISTING_PAGE_SIZE
    sections = list(SectionPage.objects.live())
    for section in pick(sections, 40):
        count = section.articles().count()
        last = max(1, -(-count // size))
        for number in {1, rng.randint(1, last), last}:
            sample.append(Sampled("section", f"{section.url}?page={number}"))
    sample += [Sampled("home", "/"), Sampled("home", "/en/")]
    tag_names = list(
        ArticlePage.tags.through.tag_model().objects.values_list("name", flat=True).order_by("pk")
    )
    sample += [Sampled("tag_search", f"/search/?q={quote(t)}") for t in pick(tag_names, 10)]
    sample += [Sampled("feed", "/rss.xml")]
    sample += [Sampled("feed", f"{s.url}rss/") for s in pick(sections, 5)]
    sample.append(Sampled("sitemap", "/sitemap.xml"))
    return sample


def measure(sample: list[Sampled]) -> None:
    """Each page once, page cache off; one warm-up request per kind on another page first."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client()
    with override_settings(PORTAL_PAGE_CACHE=False):
        warmed: set[str] = set()
        for item in sample:
            if item.kind not in warmed:
                others = [s for s in sample if s.kind == item.kind and s is not item]
                client.get((others or [item])[-1].url)
                warmed.add(item.kind)
        # As a production worker should once it has loaded the portal (gunicorn's
        # `post_worker_init`): what start-up allocated is never scanned again by the collector.
        # Unfrozen, full collections over that heap were the sample's slowest requests
        # (docs/benchmarks.md).
        gc.collect()
        gc.freeze()
        for item in sample:
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(item.url)
                item.ms = (time.perf_counter() - started) * 1000
            item.queries, item.status = len(queries), response.status_code


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def failures(sample: list[Sampled]) -> list[str]:
    """What fails the run: a page over `MAX_MS` or answering other than 200."""
    problems = []
    for item in sample:
        if item.status != 200:
            problems.append(f"{item.url} answered {item.status}")
        elif item.ms > MAX_MS:
            problems.append(f"{item.url} took {item.ms:.0f} ms (> {MAX_MS:.0f} ms)")
    return problems


def over_budget(sample: list[Sampled]) -> list[str]:
    """Pages over their kind's query budget: reported, not failed (the budgets are asserted by
    core/tests/test_query_budgets.py at two scales; the showcase article's rich blocks cost
    one query per block type, and the sample says so rather than hide it)."""
    problems = []
    for item in sample:
        kind = next((k for k in ("article", "media") if item.kind.startswith(k)), item.kind)
        budget = QUERY_BUDGETS.get(kind)
        if budget is not None and item.queries > budget:
            problems.append(f"{item.url}: {item.queries} queries (budget {budget})")
    return problems


def markdown(sample: list[Sampled], seed: int, context: dict[str, str]) -> str:
    kinds: dict[str, list[Sampled]] = {}
    for item in sample:
        kinds.setdefault(item.kind, []).append(item)
    lines = [
        f"## Pages: random sample ({context['mode']})",
        "",
        f"`{context['command']}` on {context['when']}: {len(sample)} pages drawn with seed "
        f"**{seed}** from {context['articles']} articles ({context['database']}); each requested "
        f"once through the Django test client, page cache off. Load average (1, 5, 15 min) at the end: "
        f"{context['load']} on a shared 2-core machine (other work was running: figures are "
        "upper bounds).",
        "",
        "| Kind | Pages | Queries (max) | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for kind, items in sorted(kinds.items()):
        ms = [i.ms for i in items]
        lines.append(
            f"| {kind} | {len(items)} | {max(i.queries for i in items)} | "
            f"{statistics.median(ms):.1f} | {percentile(ms, 0.95):.1f} | "
            f"{percentile(ms, 0.99):.1f} | {max(ms):.1f} |"
        )
    lines += ["", "Worst five:", "", "| URL | Kind | ms | Queries |", "|---|---|---:|---:|"]
    for item in sorted(sample, key=lambda i: -i.ms)[:5]:
        lines.append(f"| `{item.url}` | {item.kind} | {item.ms:.1f} | {item.queries} |")
    problems, expensive = failures(sample), over_budget(sample)
    lines += ["", f"Pages over {MAX_MS:.0f} ms or not 200 (these fail the run): {len(problems)}."]
    lines += [f"- {problem}" for problem in problems[:20]]
    lines += ["", f"Pages over their query budget (reported): {len(expensive)}."]
    lines += [f"- {problem}" for problem in expensive[:20]]
    return "\n".join(lines)


def run(seed: int | None, quick: bool, log: Any) -> tuple[list[Sampled], int]:
    seed = seed if seed is not None else random.SystemRandom().randrange(1, 10**6)
    log(f"Random sample, seed {seed} (repeat with --seed {seed}) ...")
    sample = draw(seed, quick)
    measure(sample)
    log(f"  {len(sample)} pages; slowest {max(i.ms for i in sample):.1f} ms")
    return sample, seed

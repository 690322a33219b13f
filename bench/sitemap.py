"""The sitemap at scale: every part built uncached, its queries and time, and the URLs against the database.

    DATABASE_URL=postgres://... python -m bench.sitemap [--runs 10] [--seed N] [--no-record]

For each part the index names (in a seeded random order, repeated `--runs` times) the sitemap
caches are purged and the part is requested through Django's test client: the figure is the
server-side build of a part nobody has asked for since the last publication, in a process that
has served a request before (one untimed request of the index warms it). The URLs of all
parts are then compared with the live public pages in the database (each must be listed once).
Figures go to docs/benchmarks.md, section "sitemap", with the load average around the run.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path
from xml.etree import ElementTree

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
TARGET_MS = 200.0
DOCUMENT = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
    os.environ.setdefault("ACCESS_LOG_LEVEL", "WARNING")
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Needs DATABASE_URL=postgres://... (the 120,000-article corpus).")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    # The index reads a partial index created by a migration (`seo/migrations`): a corpus
    # copied before it existed gets it here (a no-op once applied).
    call_command("migrate", verbosity=0, interactive=False)

    # The page cache (core/caching) keeps /sitemap.xml too: measure the build, not the cache.
    settings.PORTAL_PAGE_CACHE = False


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def timed_get(client, path: str) -> tuple[float, int, bytes]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from seo import purge

    purge.purge_everything()  # uncached: as after a publication
    with CaptureQueriesContext(connection) as captured:
        start = time.perf_counter()
        response = client.get(path)
        elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (path, response.status_code)
    return elapsed, len(captured), response.content


def measure(runs: int, seed: int) -> dict:
    from django.test import Client
    from wagtail.models import Page

    client = Client()
    # Untimed: the first requests of a process load templates, URL patterns and Wagtail's site
    # root paths, which a serving process has long done.
    timed_get(client, "/sitemap.xml")
    load_before = os.getloadavg()
    index_times = []
    for _ in range(runs):
        elapsed, index_queries, content = timed_get(client, "/sitemap.xml")
        index_times.append(elapsed)
    parts = [
        re.sub(r"^https?://[^/]+", "", loc.text or "")
        for loc in ElementTree.fromstring(content).iter(f"{SITEMAP}loc")
    ]
    order = [part for part in parts for _ in range(runs)]
    random.Random(seed).shuffle(order)
    times: dict[str, list[float]] = {part: [] for part in parts}
    queries: dict[str, set[int]] = {part: set() for part in parts}
    bodies: dict[str, bytes] = {}
    for part in order:
        elapsed, count, body = timed_get(client, part)
        times[part].append(elapsed)
        queries[part].add(count)
        bodies.setdefault(part, body)
    # Parsed after the timings: the parser's objects would make the garbage collector walk the
    # heap during the next timed request, a cost a serving process does not have.
    urls = {
        part: [loc.text or "" for loc in ElementTree.fromstring(body).iter(f"{SITEMAP}loc")]
        for part, body in bodies.items()
    }
    listed = [url for part_urls in urls.values() for url in part_urls]
    # Independent of the sitemap's own query: every live page below the tree root that no view
    # restriction hides (all of them are under a site in the corpus).
    in_database = Page.objects.live().public().filter(depth__gt=1).count()
    return {
        "seed": seed,
        "runs": runs,
        "load_before": load_before,
        "load_after": os.getloadavg(),
        "index_ms": index_times,
        "index_queries": index_queries,
        "parts": {
            part: {
                "urls": len(urls[part]),
                "queries": sorted(queries[part]),
                "p50": statistics.median(times[part]),
                "p95": p95(times[part]),
            }
            for part in parts
        },
        "listed": len(listed),
        "unique": len(set(listed)),
        "in_database": in_database,
    }


def report(result: dict) -> str:
    from django.db import connection

    from news.models import ArticlePage

    parts = result["parts"]
    slowest = max(parts, key=lambda part: parts[part]["p95"])
    load = lambda values: ", ".join(f"{v:.2f}" for v in values)  # noqa: E731
    lines = [
        "## Sitemap (`python -m bench.sitemap`)",
        "",
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {connection.vendor} "
        f"(`{connection.settings_dict['NAME']}`), {ArticlePage.objects.live().count():,} live articles; "
        f"each part built {result['runs']} times uncached (sitemap caches purged before every "
        f"request), in random order (seed {result['seed']}), through Django's test client. "
        f"Load average before {load(result['load_before'])}, after {load(result['load_after'])} "
        "(2 cores shared with other jobs).",
        "",
        f"- URLs listed by all parts: **{result['listed']:,}** ({result['unique']:,} distinct); "
        f"live public pages in the database: **{result['in_database']:,}**",
        f"- Index (`/sitemap.xml`, {len(parts)} parts): p50 {statistics.median(result['index_ms']):.1f} ms, "
        f"p95 {p95(result['index_ms']):.1f} ms, {result['index_queries']} queries",
        f"- Slowest part: `{slowest}` p95 **{parts[slowest]['p95']:.1f} ms** (target < {TARGET_MS:.0f} ms)",
        "",
        "| Part | URLs | Queries | p50 ms | p95 ms |",
        "|---|---:|---:|---:|---:|",
    ]
    for part, row in parts.items():
        name = part.removeprefix("/sitemap-").removesuffix(".xml")
        counts = "/".join(str(q) for q in row["queries"])
        lines.append(
            f"| {name} | {row['urls']:,} | {counts} | {row['p50']:.1f} | {row['p95']:.1f} |"
        )
    return "\n".join(lines) + "\n"


def write_section(markdown: str) -> None:
    begin, end = "<!-- BEGIN sitemap -->", "<!-- END sitemap -->"
    block = f"{begin}\n{markdown.strip()}\n{end}"
    text = DOCUMENT.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.DOTALL)
    text = (
        pattern.sub(lambda _m: block, text)
        if pattern.search(text)
        else f"{text.rstrip()}\n\n{block}\n"
    )
    DOCUMENT.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    setup()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(10**6)
    print(f"seed {seed}", flush=True)
    markdown = report(measure(args.runs, seed))
    print(markdown)
    if not args.no_record:
        write_section(markdown)


if __name__ == "__main__":
    main()

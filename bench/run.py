"""`make bench`: queries, server time and requests per second per page type, against the ceilings.

Full mode (PostgreSQL in DATABASE_URL, Redis as the shared cache): seeds 120,000 articles when
fewer are present (and records the time), then measures. Quick mode (`--quick`, for CI): a fresh
SQLite database in a temporary folder, 300 articles, short runs; its figures go to their own
section so they never overwrite the full run's.

    python -m bench.run [--quick] [--articles N] [--seconds S] [--no-record]
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PORT = int(os.environ.get("BENCH_PORT", "8105"))
BASE_DIR = Path(__file__).resolve().parent.parent

# Targets of issues 8 and 12 (2 cores, PostgreSQL, 120,000 articles); reported, never asserted.
QUERY_BUDGETS = {"article": 10, "section": 12, "section_last": 12, "home": 15}
P95_TARGETS_MS = {"article": 25, "section": 40, "section_last": 40, "home": 40, "search": 100}
CACHED_RATIO_TARGET = 1.50

# Fifty readers' searches, each written with and without diacritics (25 pairs).
SEARCH_QUERIES_VI = [
    "chuyển đổi số",
    "dịch vụ công",
    "Đà Nẵng",
    "người khuyết tật",
    "an toàn thông tin",
    "hội nghị",
    "hợp tác quốc tế",
    "chính sách mới",
    "kế hoạch",
    "cơ sở dữ liệu",
    "đào tạo kỹ năng số",
    "trung tâm dữ liệu",
    "thủ tục hành chính",
    "cổng thông tin",
    "lãnh đạo Bộ",
    "nông thôn",
    "giáo viên",
    "phản ánh kiến nghị",
    "hạ tầng số",
    "họp trực tuyến",
    "tổng kết",
    "ký kết",
    "hướng dẫn thực hiện",
    "quý IV",
    "Quảng Nam",
]


def strip_diacritics(text: str) -> str:
    import unicodedata

    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


SEARCH_QUERIES = SEARCH_QUERIES_VI + [strip_diacritics(q) for q in SEARCH_QUERIES_VI]


@dataclass
class PageResult:
    name: str
    url: str
    queries: int = 0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    rps_cached: float | None = None
    rps_uncached: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def log(message: str) -> None:
    print(message, flush=True)


# --- set-up ---------------------------------------------------------------------------------


def configure(args: argparse.Namespace) -> dict[str, str]:
    """Environment for this process and the gunicorn it starts (same settings for both)."""
    env = {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "0",
        "ACCESS_LOG_LEVEL": os.environ.get("ACCESS_LOG_LEVEL", "WARNING"),
        # This process migrates, seeds and vacuums: the commands' statement timeout. The
        # gunicorn it starts serves with the public one (Server sets PORTAL_PROCESS=web).
        "PORTAL_PROCESS": "command",
        "MEDIA_ROOT": os.environ.get(
            "MEDIA_ROOT", str(Path(tempfile.gettempdir()) / "portal-bench-media")
        ),
    }
    if args.quick and not os.environ.get("BENCH_DATABASE_URL"):
        folder = tempfile.mkdtemp(prefix="portal-bench-")
        env["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    else:
        env["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL") or os.environ.get(
            "DATABASE_URL", ""
        )
        if not env["DATABASE_URL"].startswith("postgres"):
            sys.exit(
                "Full mode needs DATABASE_URL=postgres://... (or BENCH_DATABASE_URL); use --quick for SQLite."
            )
        env["BENCH_PRODUCTION"] = "1"
        env["REDIS_URL"] = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/5")
        env["SECRET_KEY"] = os.environ.get("SECRET_KEY") or secrets.token_urlsafe(60)
    os.environ.update(env)
    return env


def count_articles() -> int:
    from news.models import ArticlePage

    return ArticlePage.objects.filter(slug__regex=r"-[0-9a-f]{8}$").count()


def ensure_corpus(target: int, media: int) -> float | None:
    """Seed up to `target` articles; the seconds it took, or None when nothing was missing."""
    from django.core.management import call_command

    missing = target - count_articles()
    if missing <= 0:
        log(f"Corpus: {target} articles already present.")
        return None
    log(f"Seeding {missing} articles ...")
    started = time.perf_counter()
    with open(os.devnull, "w") as quiet:
        call_command("seed_demo", articles=target, media=media, stdout=quiet)
    return time.perf_counter() - started


# --- in-process measurements (test client, page cache off) ----------------------------------


def page_urls() -> list[PageResult]:
    from django.conf import settings
    from wagtail.models import Locale

    from news.models import ArticlePage, SectionPage

    vi = Locale.objects.get(language_code="vi")
    sections = SectionPage.objects.live().filter(locale=vi, depth=4).order_by("path")
    section = max(sections, key=lambda s: s.numchild)
    last_page = max(1, -(-section.articles().count() // settings.PORTAL_LISTING_PAGE_SIZE))
    # A typical article (a seeded one); the showcase article has one more query per rich block
    # type it uses (image, embed, document).
    article = (
        ArticlePage.objects.live()
        .filter(locale=vi, slug__regex=r"-[0-9a-f]{8}$")
        .order_by("-first_published_at")
        .first()
    )
    results = [
        PageResult("home", "/"),
        PageResult("section", section.url),
        PageResult("section_last", f"{section.url}?page={last_page}"),
        PageResult("article", article.url),
        PageResult("search", "/search/?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91"),
        PageResult("site_feed", "/rss.xml"),
        PageResult("section_feed", f"{section.url}rss/"),
    ]
    try:
        from media_products.models import MediaIndexPage

        index = MediaIndexPage.objects.live().filter(locale=vi).first()
        if index is not None:
            results.append(PageResult("media_index", index.url))
    except ImportError:
        pass
    return results


def article_sample(size: int) -> list[str]:
    """Article URLs spread over the whole corpus (old and new), so no one row stays hot."""
    from news.models import ArticlePage

    ids = list(ArticlePage.objects.live().order_by("pk").values_list("pk", flat=True))
    step = max(1, len(ids) // size)
    return [page.url for page in ArticlePage.objects.filter(pk__in=ids[::step][:size])]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def time_requests(client: Any, urls: list[str], repeat: int) -> list[float]:
    timings = []
    for i in range(repeat):
        url = urls[i % len(urls)]
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
    return timings


def measure_in_process(results: list[PageResult], repeat: int) -> None:
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client()
    articles = article_sample(50)
    with override_settings(PORTAL_PAGE_CACHE=False):
        for result in results:
            client.get(result.url)
            with CaptureQueriesContext(connection) as queries:
                client.get(result.url)
            result.queries = len(queries)
            urls = articles if result.name == "article" else [result.url]
            # Search has its own measurement over fifty queries (measure_search); a few runs here.
            runs = min(repeat, 10) if result.name == "search" else repeat
            time_requests(client, urls, 1 if result.name == "search" else 3)  # warm
            timings = time_requests(client, urls, runs)
            result.p50_ms, result.p95_ms = statistics.median(timings), percentile(timings, 0.95)
            log(
                f"  {result.name:13} {result.queries:3} queries  p50 {result.p50_ms:6.1f} ms  p95 {result.p95_ms:6.1f} ms"
            )


def measure_search() -> dict[str, float]:
    from urllib.parse import urlencode

    from django.test import Client, override_settings

    client = Client()
    with override_settings(PORTAL_PAGE_CACHE=False):
        time_requests(client, ["/search/?" + urlencode({"q": SEARCH_QUERIES[0]})], 2)
        with_marks = time_requests(
            client, ["/search/?" + urlencode({"q": q}) for q in SEARCH_QUERIES_VI], 25
        )
        without = time_requests(
            client, ["/search/?" + urlencode({"q": q}) for q in SEARCH_QUERIES[25:]], 25
        )
    both = with_marks + without
    return {
        "p50": statistics.median(both),
        "p95": percentile(both, 0.95),
        "p95_with": percentile(with_marks, 0.95),
        "p95_without": percentile(without, 0.95),
    }


def database_size() -> str:
    from django.conf import settings
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
            return cursor.fetchone()[0]
    name = settings.DATABASES["default"]["NAME"]
    return f"{Path(name).stat().st_size / 1024 / 1024:.1f} MB"


def search_plans(query: str = "chuyen doi so") -> list[tuple[str, str]]:
    """EXPLAIN ANALYZE of the statements the search page runs on its index (PostgreSQL only)."""
    from urllib.parse import urlencode

    from django.db import connection, transaction
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from sitewide.search.models import SearchEntry
    from sitewide.search.ranking import PLANNER

    if connection.vendor != "postgresql":
        return []
    client = Client()
    url = "/search/?" + urlencode({"q": query})
    with override_settings(PORTAL_PAGE_CACHE=False):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
    plans = []
    for captured in queries.captured_queries:
        sql = captured["sql"]
        if SearchEntry._meta.db_table not in sql:
            continue
        # As the page runs it: in a transaction with the ranking's planner settings.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(PLANNER)
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql)
            plans.append((sql, "\n".join(row[0] for row in cursor.fetchall())))
    return plans


# --- under gunicorn, with wrk ------------------------------------------------------------------


class Server:
    """gunicorn on 127.0.0.1:PORT with the bench settings; the same configuration for every run."""

    workers = 2  # one per core of the reference machine

    def __init__(self, env: dict[str, str], page_cache: bool) -> None:
        self.env = {
            **os.environ,
            **env,
            "PAGE_CACHE": "1" if page_cache else "0",
            "PORTAL_PROCESS": "web",
        }
        self.process: subprocess.Popen | None = None
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 - closed with the server, in __exit__

    def __enter__(self) -> Server:
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(
            [
                str(gunicorn),
                "bench.wsgi:application",
                "--bind",
                f"127.0.0.1:{PORT}",
                "--workers",
                str(self.workers),
                "--preload",
                "--log-level",
                "warning",
                "--timeout",
                "120",
            ],
            env=self.env,
            cwd=BASE_DIR,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/__bench__/minimal/", timeout=2)
                return self
            except (urllib.error.URLError, OSError):
                if self.process.poll() is not None:
                    break
                time.sleep(0.3)
        self.log.seek(0)
        log(self.log.read().decode(errors="replace")[-3000:])
        self.__exit__()
        raise RuntimeError(f"gunicorn did not start on port {PORT}")

    def __exit__(self, *exc: Any) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()


def wrk(path: str, seconds: int, connections: int = 50) -> float:
    """Requests per second for one URL, after a short warm-up (which also fills each worker's cache)."""
    url = f"http://127.0.0.1:{PORT}{path}"
    subprocess.run(["wrk", "-t2", f"-c{connections}", "-d2s", url], capture_output=True, check=True)
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = [line for line in output.splitlines() if "Non-2xx" in line or "Socket errors" in line]
    if errors:
        log(f"  wrk {path}: {'; '.join(errors)}")
    for line in output.splitlines():
        if line.startswith("Requests/sec:"):
            return float(line.split()[1])
    raise RuntimeError(f"wrk printed no rate for {path}:\\n{output}")


def measure_throughput(
    env: dict[str, str], results: list[PageResult], seconds: int
) -> dict[str, float]:
    from django.conf import settings

    ceilings: dict[str, float] = {}
    loaded = [r for r in results if r.name in ("home", "section", "section_last", "article")]
    with Server(env, page_cache=True):
        ceilings["minimal"] = wrk("/__bench__/minimal/", seconds)
        ceilings["static"] = wrk(settings.STATIC_URL + "css/portal.css", seconds)
        log(
            f"  ceilings: minimal view {ceilings['minimal']:.0f} req/s, static file {ceilings['static']:.0f} req/s"
        )
        for result in loaded:
            result.rps_cached = wrk(result.url, seconds)
            log(f"  {result.name:13} cached   {result.rps_cached:8.0f} req/s")
    with Server(env, page_cache=False):
        for result in loaded:
            result.rps_uncached = wrk(result.url, seconds)
            log(f"  {result.name:13} uncached {result.rps_uncached:8.0f} req/s")
    return ceilings


# --- report ------------------------------------------------------------------------------------


def mark(ok: bool) -> str:
    return "✅" if ok else "❌"


def pages_markdown(
    results: list[PageResult],
    ceilings: dict[str, float],
    search: dict[str, float],
    context: dict[str, str],
) -> str:
    lines = [
        f"## Pages ({context['mode']})",
        "",
        f"`{context['command']}` on {context['when']}: {context['articles']} articles, {context['database']}, "
        f"database size {context['size']}. Server time is the Django test client's (page cache off), "
        "requests per second are wrk's (`-t2 -c50`, 127.0.0.1) against gunicorn (2 sync workers, "
        "`--preload`) with the same settings for every row.",
        "",
        "| Page | Queries | p50 ms | p95 ms | req/s cached | req/s uncached | cached / minimal view |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    minimal = ceilings.get("minimal")
    for r in results:
        cached = f"{r.rps_cached:.0f}" if r.rps_cached is not None else "–"
        uncached = f"{r.rps_uncached:.0f}" if r.rps_uncached is not None else "–"
        ratio = f"{r.rps_cached / minimal:.0%}" if r.rps_cached and minimal else "–"
        lines.append(
            f"| {r.name} | {r.queries} | {r.p50_ms:.1f} | {r.p95_ms:.1f} | {cached} | {uncached} | {ratio} |"
        )
    if ceilings:
        lines += [
            f"| *ceiling: minimal view* | 0 | | | {ceilings['minimal']:.0f} | | 100% |",
            f"| *ceiling: static file (whitenoise)* | 0 | | | {ceilings['static']:.0f} | | "
            f"{ceilings['static'] / ceilings['minimal']:.0%} |",
        ]
    if search:
        lines += [
            "",
            f"Search over {len(SEARCH_QUERIES)} Vietnamese queries (25 with diacritics, the same 25 without): "
            f"p50 {search['p50']:.1f} ms, p95 {search['p95']:.1f} ms (with diacritics {search['p95_with']:.1f} ms, "
            f"without {search['p95_without']:.1f} ms).",
        ]
    lines += [
        "",
        "### Targets",
        "",
        "| Target | Measured | Met |",
        "|---|---|:-:|",
    ]
    by_name = {r.name: r for r in results}
    for name, budget in QUERY_BUDGETS.items():
        if name in by_name:
            q = by_name[name].queries
            lines.append(f"| {name}: ≤ {budget} queries | {q} | {mark(q <= budget)} |")
    for name, target in P95_TARGETS_MS.items():
        if name == "search":
            value = search.get("p95")
        else:
            value = by_name[name].p95_ms if name in by_name else None
        if value is not None:
            lines.append(
                f"| {name} uncached p95 < {target} ms | {value:.1f} ms | {mark(value < target)} |"
            )
    for name in ("article", "section"):
        r = by_name.get(name)
        if r and r.rps_cached and minimal:
            ratio = r.rps_cached / minimal
            lines.append(
                f"| {name} cached ≥ {CACHED_RATIO_TARGET:.0%} of minimal view | {ratio:.0%} | {mark(ratio >= CACHED_RATIO_TARGET)} |"
            )
    return "\n".join(lines)


def run_analytics_bench(quick: bool, record: bool) -> None:
    """The analytics benchmark in the same run; the page figures are already printed and recorded."""
    from django.core.management import call_command

    from bench.analytics import Command

    log("bench.analytics ...")
    options = [*(["--quick"] if quick else []), *([] if record else ["--no-record"])]
    call_command(Command(), *options)


def prepare_corpus(articles: int, quick: bool) -> float | None:
    """Migrate, seed what is missing, and give the planner fresh statistics; the seed's seconds."""
    from django.core.management import call_command
    from django.db import connection

    log(f"Database: {connection.vendor}; migrating ...")
    call_command("migrate", verbosity=0, interactive=False)
    if connection.vendor == "postgresql":
        # Fresh planner statistics, as autovacuum keeps them on a live site (a bulk seed outruns it).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    seed_seconds = ensure_corpus(articles, media=2 if quick else 40)
    if seed_seconds is not None:
        log(f"Seeded in {seed_seconds:.0f} s.")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
    return seed_seconds


def run_sample(args: argparse.Namespace) -> tuple[list[str], int]:
    """The random sample of the whole corpus: printed, recorded, and its failures returned."""
    from django.db import connection
    from django.utils import timezone

    from bench import sample as page_sample
    from bench.record import write_section

    sampled, seed = page_sample.run(args.seed, args.quick, log)
    sample_context = {
        "mode": "quick, SQLite" if args.quick else "full, PostgreSQL",
        "command": f"make {'bench-quick' if args.quick else 'bench'} BENCH_ARGS='--seed {seed}'",
        "when": timezone.now().strftime("%Y-%m-%d %H:%M UTC"),
        "articles": f"{count_articles():,}",
        "database": connection.vendor,
        "load": ", ".join(f"{value:.2f}" for value in os.getloadavg()),
    }
    sample_markdown = page_sample.markdown(sampled, seed, sample_context)
    print("\n" + sample_markdown + "\n")
    if not args.no_record:
        write_section("pages-sample-quick" if args.quick else "pages-sample", sample_markdown)
    return page_sample.failures(sampled), seed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small scale, seconds: for CI")
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--seconds", type=int, default=None, help="length of each wrk run")
    parser.add_argument(
        "--no-record", action="store_true", help="print only, do not write docs/benchmarks.md"
    )
    parser.add_argument("--no-analytics", action="store_true")
    parser.add_argument("--repeat", type=int, default=None, help="requests timed per page type")
    parser.add_argument("--no-search", action="store_true", help="skip the search timings and plan")
    parser.add_argument("--seed", type=int, default=None, help="seed of the random page sample")
    parser.add_argument(
        "--sample-only", action="store_true", help="only the random sample of pages"
    )
    args = parser.parse_args(argv)
    articles = args.articles or (300 if args.quick else 120_000)
    seconds = args.seconds or (3 if args.quick else 10)
    repeat = args.repeat or (30 if args.quick else 200)
    env = configure(args)

    import django

    django.setup()
    from django.db import connection
    from django.utils import timezone

    from bench.record import write_section

    seed_seconds = prepare_corpus(articles, args.quick)
    sample_problems, seed = run_sample(args)
    if args.sample_only:
        sys.exit(1 if sample_problems else 0)

    log("Queries and server time (test client, page cache off):")
    results = page_urls()
    if args.no_search:
        results = [r for r in results if r.name != "search"]
    measure_in_process(results, repeat)
    search = {} if args.no_search else measure_search()
    if search:
        log(f"  search p95 {search['p95']:.1f} ms over {len(SEARCH_QUERIES)} queries")
    ceilings: dict[str, float] = {}
    if shutil.which("wrk"):
        log("Requests per second under gunicorn (wrk, 50 connections):")
        ceilings = measure_throughput(env, results, seconds)
    else:
        log("wrk is not installed: requests per second skipped.")

    context = {
        "mode": "quick, SQLite" if args.quick else "full, PostgreSQL",
        "command": "make bench-quick" if args.quick else "make bench",
        "when": timezone.now().strftime("%Y-%m-%d %H:%M UTC"),
        "articles": f"{count_articles():,}",
        "database": connection.vendor,
        "size": database_size(),
    }
    markdown = pages_markdown(results, ceilings, search, context)
    print("\n" + markdown + "\n")
    plans = [] if args.no_search else search_plans()
    if not args.no_record:
        write_section("pages-quick" if args.quick else "pages", markdown)
        if seed_seconds is not None and not args.quick:
            write_section("seed", seed_markdown(articles, seed_seconds, context))
        if plans:
            write_section("search-plan", plan_markdown(plans, context))
    if not args.no_analytics:
        run_analytics_bench(args.quick, record=not args.no_record)
    if sample_problems:
        sys.exit(
            f"{len(sample_problems)} sampled pages failed (seed {seed}): {sample_problems[:5]}"
        )


def seed_markdown(articles: int, seconds: float, context: dict[str, str]) -> str:
    return (
        f"## Seeding\n\n`python manage.py seed_demo --articles {articles}` on PostgreSQL ({context['when']}): "
        f"{seconds / 60:.1f} minutes ({articles / seconds:.0f} articles a second), database {context['size']}."
    )


def plan_markdown(plans: list[tuple[str, str]], context: dict[str, str]) -> str:
    parts = [
        "## Search plan",
        "",
        f"The search page's queries for `chuyen doi so` at {context['articles']} articles "
        f"(`EXPLAIN (ANALYZE, BUFFERS)`, {context['when']}):",
    ]
    for sql, plan in plans:
        parts += ["", "```sql", sql[:1500], "```", "", "```", plan, "```"]
    return "\n".join(parts)


if __name__ == "__main__":
    main()

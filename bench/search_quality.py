"""`make bench-search`: how well and how fast site search finds what a reader means.

Query set (seed printed, so a run can be repeated): exact titles of articles drawn at random
from the whole corpus, half typed as a phone user would (no diacritics, lower case), plus fifty
common topic queries composed here. Each query goes through the search page (Django's test
client, page cache off) once, uncached by the application. Reported: for title queries, the share
whose article is first and in the top 3 and the mean reciprocal rank at 10; p50/p95 latency over
the whole set; the queries a results page costs; the load average beside every figure.

The demo corpus repeats titles (1,775 distinct titles over 120,000 articles), and a query cannot
tell apart articles that share a title: a hit is a result bearing the article's exact title.
The stricter figure (that very article) is reported too.

    python -m bench.search_quality [--titles 200] [--seed N] [--no-record]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

DOCUMENT = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
SECTION = "search-quality"

# Fifty searches a ministry portal's readers make, composed for this benchmark.
TOPIC_QUERIES = [
    "chuyển đổi số",
    "dịch vụ công trực tuyến",
    "thủ tục hành chính",
    "cải cách hành chính",
    "an toàn thông tin",
    "hạ tầng số",
    "kinh tế số",
    "chính phủ số",
    "dữ liệu mở",
    "cơ sở dữ liệu quốc gia",
    "trung tâm dữ liệu",
    "người khuyết tật",
    "hợp tác quốc tế",
    "chính sách mới",
    "nghị định",
    "thông tư hướng dẫn",
    "dự thảo",
    "lấy ý kiến",
    "hội nghị tổng kết",
    "kế hoạch năm",
    "lãnh đạo Bộ",
    "Bộ trưởng",
    "Thứ trưởng",
    "Đà Nẵng",
    "Quảng Nam",
    "Hà Nội",
    "Thành phố Hồ Chí Minh",
    "nông thôn mới",
    "giáo dục",
    "đào tạo kỹ năng số",
    "y tế",
    "doanh nghiệp nhỏ và vừa",
    "khởi nghiệp đổi mới sáng tạo",
    "phản ánh kiến nghị",
    "tiếp công dân",
    "cổng thông tin",
    "họp báo",
    "thông cáo báo chí",
    "ký kết hợp tác",
    "biên bản ghi nhớ",
    "tuyển dụng",
    "thi đua khen thưởng",
    "phòng chống tham nhũng",
    "ngân sách",
    "đầu tư công",
    "quy hoạch",
    "hạ tầng giao thông",
    "môi trường",
    "chuyen doi so",
    "dich vu cong",
]


def log(message: str) -> None:
    print(message, flush=True)


def fold(text: str) -> str:
    from sitewide.search.index import fold as fold_text

    return fold_text(text)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def load_average() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def title_queries(count: int, rng: random.Random) -> list[tuple[str, int, str]]:
    """(query, article id, title): random live articles, every other one without diacritics."""
    from news.models import ArticlePage

    ids = list(ArticlePage.objects.live().values_list("pk", flat=True))
    chosen = rng.sample(ids, min(count, len(ids)))
    titles = dict(ArticlePage.objects.filter(pk__in=chosen).values_list("pk", "title"))
    queries = []
    for number, pk in enumerate(chosen):
        title = titles[pk]
        queries.append((title if number % 2 == 0 else fold(title), pk, title))
    return queries


def run_query(client: Any, query: str) -> tuple[float, list[tuple[int, str]]]:
    started = time.perf_counter()
    response = client.get("/search/?" + urlencode({"q": query}))
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{query!r} answered {response.status_code}")
    results = response.context["results"]
    return elapsed, [(page.pk, page.title) for page in results.object_list]


def title_rank(
    results: list[tuple[int, str]], pk: int, title: str
) -> tuple[int | None, int | None]:
    """1-based rank of a result bearing the title, and of the article itself (None: not on page 1)."""
    wanted = title.casefold()
    by_title = next((i for i, (_, t) in enumerate(results, 1) if t.casefold() == wanted), None)
    by_id = next((i for i, (p, _) in enumerate(results, 1) if p == pk), None)
    return by_title, by_id


def query_count(client: Any, query: str, page: int = 1) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = "/search/?" + urlencode({"q": query, "page": page})
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)


def share(values: list[bool]) -> float:
    return 100.0 * sum(values) / len(values) if values else 0.0


def mrr(ranks: list[int | None]) -> float:
    return sum(1 / r for r in ranks if r is not None and r <= 10) / len(ranks) if ranks else 0.0


def measure(titles: int, seed: int) -> dict[str, Any]:
    from django.db import connection
    from django.test import Client, override_settings

    from news.models import ArticlePage

    rng = random.Random(seed)
    client = Client()
    tq = title_queries(titles, rng)
    load_before = load_average()
    rows: dict[str, Any] = {"with": [], "without": []}
    timings: list[float] = []
    misses = []
    with override_settings(PORTAL_PAGE_CACHE=False):
        run_query(client, "khởi động")  # imports, templates and the snapshot, not a measured query
        for number, (query, pk, title) in enumerate(tq):
            elapsed, results = run_query(client, query)
            timings.append(elapsed)
            ranks = title_rank(results, pk, title)
            rows["with" if number % 2 == 0 else "without"].append(ranks)
            if ranks[0] != 1:
                misses.append((query, ranks[0], results[:3]))
        topic_timings = [run_query(client, query)[0] for query in TOPIC_QUERIES]
        queries = {
            "page 1": query_count(client, "chuyển đổi số"),
            "page 40": query_count(client, "chuyển đổi số", page=40),
        }
    load_after = load_average()
    every = timings + topic_timings

    def summary(ranks: list[tuple[int | None, int | None]]) -> dict[str, float]:
        by_title = [r[0] for r in ranks]
        by_id = [r[1] for r in ranks]
        return {
            "n": len(ranks),
            "first": share([r == 1 for r in by_title]),
            "top3": share([r is not None and r <= 3 for r in by_title]),
            "mrr": mrr(by_title),
            "first_id": share([r == 1 for r in by_id]),
            "mrr_id": mrr(by_id),
        }

    return {
        "seed": seed,
        "articles": ArticlePage.objects.live().count(),
        "vendor": connection.vendor,
        "distinct_titles": ArticlePage.objects.live().values("title").distinct().count(),
        "with": summary(rows["with"]),
        "without": summary(rows["without"]),
        "all": summary(rows["with"] + rows["without"]),
        "title_p50": statistics.median(timings),
        "title_p95": percentile(timings, 0.95),
        "topic_p50": statistics.median(topic_timings),
        "topic_p95": percentile(topic_timings, 0.95),
        "p50": statistics.median(every),
        "p95": percentile(every, 0.95),
        "n_queries": len(every),
        "queries": queries,
        "load_before": load_before,
        "load_after": load_after,
        "misses": misses,
    }


def markdown(r: dict[str, Any]) -> str:
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    lines = [
        "## Search quality and latency (`make bench-search`)",
        "",
        f"`python -m bench.search_quality --seed {r['seed']}` on {when}: {r['articles']:,} live "
        f"articles on {r['vendor']} ({r['distinct_titles']:,} distinct titles), load average "
        f"{r['load_before']} before and {r['load_after']} after. Each query once through the "
        "search page (test client, page cache off).",
        "",
        "| Title queries | n | first | top 3 | MRR@10 | first (that very article) | MRR@10 (article) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for key, label in (
        ("with", "with diacritics"),
        ("without", "without diacritics"),
        ("all", "all"),
    ):
        s = r[key]
        lines.append(
            f"| {label} | {s['n']} | {s['first']:.1f} % | {s['top3']:.1f} % | {s['mrr']:.3f} "
            f"| {s['first_id']:.1f} % | {s['mrr_id']:.3f} |"
        )
    lines += [
        "",
        "| Latency | p50 ms | p95 ms |",
        "|---|---:|---:|",
        f"| title queries ({r['all']['n']}) | {r['title_p50']:.1f} | {r['title_p95']:.1f} |",
        f"| topic queries ({len(TOPIC_QUERIES)}) | {r['topic_p50']:.1f} | {r['topic_p95']:.1f} |",
        f"| whole set ({r['n_queries']}) | **{r['p50']:.1f}** | **{r['p95']:.1f}** |",
        "",
        "Queries per results page ('chuyển đổi số'): "
        + ", ".join(f"{name} {count}" for name, count in r["queries"].items())
        + ".",
    ]
    if r["misses"]:
        lines += [
            "",
            "Title queries whose title was not first (query → rank of the title, top 3):",
            "",
        ]
        for query, rank, top in r["misses"][:10]:
            shown = "; ".join(title for _, title in top)
            lines.append(f"- `{query}` → {rank or 'not on page 1'} ({shown})")
    return "\n".join(lines)


def write_section(text: str) -> None:
    begin, end = f"<!-- BEGIN {SECTION} -->", f"<!-- END {SECTION} -->"
    block = f"{begin}\n{text.strip()}\n{end}"
    document = DOCUMENT.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(document):
        document = pattern.sub(lambda _match: block, document)
    else:
        document = document.rstrip("\n") + "\n\n" + block + "\n"
    DOCUMENT.write_text(document, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--titles", type=int, default=200, help="exact-title queries (default 200)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (printed)")
    parser.add_argument("--no-record", action="store_true", help="do not write docs/benchmarks.md")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1")
    import django

    django.setup()
    from django.test.utils import setup_test_environment

    # The test client records each response's context (the ranked results) only in this mode.
    setup_test_environment()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1, 10**6)
    log(f"seed {seed}")
    result = measure(args.titles, seed)
    text = markdown(result)
    log(text)
    if not args.no_record:
        write_section(text)
        log(f"written to {DOCUMENT}")


if __name__ == "__main__":
    main()

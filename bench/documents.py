"""Documents library benchmark: the filtered listing at 10,000 documents beside 120,000 articles.

Every request is a random filter combination (type, issuer, field, year, status, free text or a
number written loosely, page 1-3), drawn with a printed seed, so no one query plan or cached row
is measured alone. Server time through the Django test client with the page cache off (as
`bench/run.py` measures pages); the load average is recorded beside every figure because the
machine is shared.

    python -m bench.documents [--documents 10000] [--requests 300] [--seed N] [--no-record]
    python -m bench.documents --explain    # per filter shape: SQL and Python time, query plans
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

BASE_DIR = Path(__file__).resolve().parent.parent
DOCS = BASE_DIR / "docs" / "benchmarks.md"
BEGIN, END = "<!-- BEGIN documents -->", "<!-- END documents -->"
P95_TARGET_MS = 40
FREE_TEXT = ["chuyen doi so", "bưu chính", "an toàn thông tin", "ngân sách", "viễn thông"]
NUMBERS = ["nđ-cp", "2020", "tt-btttt 2019", "qd-btttt", "1005", "1200 2015"]


def configure() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Needs DATABASE_URL=postgres://... (a copy of the 120,000-article corpus).")
    os.environ.setdefault("BENCH_PRODUCTION", "1")
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/4")
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(60))
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
    os.environ.setdefault("ACCESS_LOG_LEVEL", "WARNING")
    import django

    django.setup()


def ensure_library(target: int) -> float | None:
    """Seed the documents library up to `target` documents; seconds taken, or None if present."""
    from documents.demo import ensure_documents
    from documents.models import LegalDocumentPage
    from sitewide.models import HomePage

    if LegalDocumentPage.objects.filter(locale__language_code="vi").count() >= target:
        return None
    home_vi = HomePage.objects.get(locale__language_code="vi")
    home_en = HomePage.objects.get(locale__language_code="en")
    started = time.perf_counter()
    ensure_documents(home_vi, home_en, count=target, log=print)
    return time.perf_counter() - started


def random_url(rng: random.Random, index_url: str, lists: dict[str, list[str]]) -> str:
    params: dict[str, str] = {}
    for name in ("type", "issuer", "field"):
        if rng.random() < 0.35:
            params[name] = rng.choice(lists[name])
    if rng.random() < 0.3:
        params["year"] = str(rng.randrange(2007, 2027))
    if rng.random() < 0.35:
        params["status"] = rng.choice(lists["status"])
    if rng.random() < 0.4:
        params["q"] = rng.choice(FREE_TEXT + NUMBERS)
    if rng.random() < 0.3:
        params["page"] = str(rng.randrange(2, 4))
    return f"{index_url}?{urlencode(params)}" if params else index_url


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(requests: int, seed: int) -> dict[str, object]:
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from documents.models import DocumentField, DocumentIndexPage, DocumentType, IssuingBody
    from documents.status import STATUS_CHOICES
    from news.models import ArticlePage

    index = DocumentIndexPage.objects.live().filter(locale__language_code="vi").first()
    lists = {
        "type": list(DocumentType.objects.values_list("slug", flat=True)),
        "issuer": list(IssuingBody.objects.values_list("slug", flat=True)),
        "field": list(DocumentField.objects.values_list("slug", flat=True)),
        "status": [value for value, _label in STATUS_CHOICES],
    }
    rng = random.Random(seed)
    urls = [random_url(rng, index.url, lists) for _ in range(requests)]
    client = Client()
    timings: list[float] = []
    queries: set[int] = set()
    with override_settings(PORTAL_PAGE_CACHE=False):
        for url in urls[:20]:  # warm the snapshot and the connection
            assert client.get(url).status_code == 200, url
        for url in urls:
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}")
            queries.add(len(captured))
    return {
        "documents": index.documents().count(),
        "articles": ArticlePage.objects.live().count(),
        "requests": requests,
        "p50": statistics.median(timings),
        "p95": percentile(timings, 0.95),
        "max": max(timings),
        "queries": sorted(queries),
    }


SHAPES = {
    "no filter": {},
    "type": {"type": "thong-tu"},
    "issuer + year": {"issuer": "bo", "year": "2019"},
    "status": {"status": "het-hieu-luc-mot-phan"},
    "free text": {"q": "an toàn thông tin"},
    "loose number": {"q": "1200 2015"},
    "page 3": {"page": "3"},
    "type + status + page 2": {"type": "nghi-dinh", "status": "con-hieu-luc", "page": "2"},
}


def explain(repeat: int = 15) -> None:
    """Where each filter shape's time goes: SQL (each query's plan) against Python and templates.

    Every shape is requested once cold (its count not cached), then `repeat` times warm; the
    medians split the server time into time inside queries and the rest.
    """
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from documents.models import DocumentIndexPage

    indexes = {
        code: DocumentIndexPage.objects.live().filter(locale__language_code=code).first()
        for code in ("vi", "en")
    }
    urls = {name: f"{indexes['vi'].url}?{urlencode(params)}" for name, params in SHAPES.items()}
    urls["English index"] = indexes["en"].url
    client = Client()
    with override_settings(PORTAL_PAGE_CACHE=False):
        for name, url in urls.items():
            client.get(url)
            totals, sql = [], []
            for _ in range(repeat):
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    client.get(url)
                    totals.append((time.perf_counter() - started) * 1000)
                sql.append(sum(float(q["time"]) for q in captured.captured_queries) * 1000)
            print(
                f"\n## {name}: {url}\n{len(captured)} queries; median total "
                f"{statistics.median(totals):.1f} ms, of which SQL {statistics.median(sql):.1f} ms"
            )
            for query in captured.captured_queries:
                if "documents_legaldocumentpage" not in query["sql"]:
                    continue
                with connection.cursor() as cursor:
                    cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {query['sql']}")
                    plan = "\n".join(f"    {row[0]}" for row in cursor.fetchall())
                print(f"  {query['sql'][:160]}...\n{plan}")


def markdown(result: dict[str, object], seed: int, seeded: float | None, loads: tuple) -> str:
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    verdict = "met" if result["p95"] < P95_TARGET_MS else "**not met**"
    seeded_line = (
        f"Seeding the library to {result['documents']:,} documents took {seeded:.0f} s in this run.\n"
        if seeded
        else ""
    )
    return (
        f"{BEGIN}\n## Documents library: filtered listing\n\n"
        f"`python -m bench.documents` on {now}: {result['documents']:,} documents beside "
        f"{result['articles']:,} articles (PostgreSQL, copy of the 120,000-article corpus). "
        f"{result['requests']} requests, each a random combination of the listing's filters "
        f"(seed {seed}); Django test client, page cache off. Load average before / after: "
        f"{loads[0]} / {loads[1]}.\n{seeded_line}\n"
        "| Page | Queries | p50 ms | p95 ms | max ms | target p95 |\n|---|---:|---:|---:|---:|---:|\n"
        f"| documents listing, filtered | {'–'.join(str(q) for q in sorted({min(result['queries']), max(result['queries'])}))} "
        f"| {result['p50']:.1f} | {result['p95']:.1f} | {result['max']:.1f} | < {P95_TARGET_MS} ms ({verdict}) |\n"
        f"{END}\n"
    )


def record(section: str) -> None:
    text = DOCS.read_text(encoding="utf-8")
    if BEGIN in text and END in text:
        before, rest = text.split(BEGIN, 1)
        after = rest.split(END, 1)[1].lstrip("\n")
        text = before + section + ("\n" + after if after else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    DOCS.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--no-record", action="store_true")
    parser.add_argument("--explain", action="store_true", help="plans and time split per shape")
    args = parser.parse_args(argv)
    configure()
    if args.explain:
        explain()
        return
    seed = args.seed if args.seed is not None else random.randrange(1, 1_000_000)
    print(f"seed {seed}")
    seeded = ensure_library(args.documents)
    load_before = " ".join(f"{x:.2f}" for x in os.getloadavg())
    result = measure(args.requests, seed)
    load_after = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(result, "load", load_before, "/", load_after)
    if not args.no_record:
        record(markdown(result, seed, seeded, (load_before, load_after)))


if __name__ == "__main__":
    main()

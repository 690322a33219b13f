"""`make reliability`: the production stack under load and faults, with figures for docs/benchmarks.md.

Against gunicorn with production settings on PostgreSQL (its own database, `portal_reliability`,
created, migrated and seeded here) on 127.0.0.1:8104:

1. 100 concurrent readers for 60 s: zero errors, p50/p95/p99 recorded.
2. The same load, plus beacon hits, while PostgreSQL restarts: errors only during the restart,
   recovery within 10 s, every published page still published afterwards, and every
   acknowledged hit stored (the beacon's kept connections reconnect on their next hit).
3. Abuse of the page cache and slow pages: 50 clients for 60 s asking for random old articles
   with random unknown query parameters: no errors but 429/503 with Retry-After, p95 under
   500 ms, `/healthz` green throughout, and afterwards no PostgreSQL backend running a query
   older than the public statement timeout.
4. A page cached in every worker, published five times from another process: no request after a
   publication shows the old title (each worker's own copy is dropped by Redis pub/sub).
5. SIGKILL during writes: an editor process publishing pages is killed mid-publish (each page is
   then fully published or not at all), and a gunicorn worker is killed while analytics hits
   arrive (every acknowledged hit is in the database).

Loads are bounded in count and time and stop by themselves; the exit status is non-zero on failure.
Durations can be shortened for a trial run: RELIABILITY_READ_SECONDS, RELIABILITY_RESTART_SECONDS.
"""

import http.client
import os
import secrets
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
PORT = int(os.environ.get("RELIABILITY_PORT", "8104"))
DB_NAME = os.environ.get("RELIABILITY_DB", "portal_reliability")
PG = os.environ.get("RELIABILITY_PG", "postgres://postgres@127.0.0.1:5432")
READERS = int(os.environ.get("RELIABILITY_READERS", "100"))
READ_SECONDS = float(os.environ.get("RELIABILITY_READ_SECONDS", "60"))
RESTART_SECONDS = float(os.environ.get("RELIABILITY_RESTART_SECONDS", "30"))
RECOVERY_LIMIT = 10.0
ABUSE_CLIENTS = int(os.environ.get("RELIABILITY_ABUSE_CLIENTS", "50"))
ABUSE_SECONDS = float(os.environ.get("RELIABILITY_ABUSE_SECONDS", "60"))
ABUSE_P95_MS = 500.0

ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DATABASE_URL": f"{PG}/{DB_NAME}",
    "REDIS_URL": os.environ.get("RELIABILITY_REDIS_URL", "redis://127.0.0.1:6379/13"),
    "SECURE_SSL_REDIRECT": "false",  # plain HTTP on the loopback; TLS is the proxy's job
    "RATELIMIT_ENABLED": "false",  # every simulated reader shares 127.0.0.1
    "TWO_FACTOR_ENFORCED": "false",
    "ACCESS_LOG_LEVEL": "WARNING",  # 100 readers' access lines would drown the figures
    "WEB_CONCURRENCY": os.environ.get("WEB_CONCURRENCY", "3"),
    "GUNICORN_THREADS": os.environ.get("GUNICORN_THREADS", "4"),
    "BIND": f"127.0.0.1:{PORT}",
}


def log(message: str) -> None:
    print(f"[reliability {time.strftime('%H:%M:%S')}] {message}", flush=True)


def manage(*args: str) -> None:
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=ENV, check=True)


def prepare_database() -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')
    manage("migrate", "--noinput", "-v", "0")
    manage("seed_demo", "--articles", "200", "--media", "2")
    manage("collectstatic", "--noinput", "-v", "0")


class Server:
    """gunicorn as `make serve` runs it, in its own process group so it can be stopped whole."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [PY, "-m", "gunicorn", "portal.wsgi:application", "-c", "scripts/gunicorn.conf.py"],
            cwd=ROOT,
            env=ENV,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=open("/tmp/portal-reliability-gunicorn.log", "w"),  # noqa: SIM115
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if status("/healthz") == 200:
                return
            time.sleep(0.5)
        raise SystemExit("gunicorn did not become healthy within 60 s")

    def workers(self) -> list[int]:
        out = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True
        ).stdout
        return [int(pid) for pid in out.split()]

    def stop(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=40)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.process.pid, signal.SIGKILL)


BROWSER = {
    "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36",
    "Accept": "image/avif,image/webp,*/*",
}


def fetch(path: str, headers: dict | None = None, timeout: float = 30) -> tuple[int, str, str]:
    """One request on a new connection (so that each may land on another worker).

    Returns the status, the body and the `X-Page-Cache` header.
    """
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=timeout)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        body = response.read().decode(errors="replace")
        return response.status, body, response.getheader("X-Page-Cache") or ""
    finally:
        conn.close()


def status(path: str, headers: dict | None = None, timeout: float = 10) -> int:
    """The status of one request, 0 when the server did not answer."""
    try:
        return fetch(path, headers, timeout)[0]
    except OSError:
        return 0


class Load:
    """`readers` threads fetching pages in turn until `seconds` pass; records every answer."""

    def __init__(
        self,
        paths: list[str],
        readers: int,
        seconds: float,
        headers: dict | None = None,
        follow: bool = False,
    ) -> None:
        self.paths, self.readers, self.seconds = paths, readers, seconds
        # A browser or crawler follows the redirect to the canonical URL: its answer is the one
        # that counts, and the latency is the whole way.
        self.follow = follow
        self.headers = headers or {"User-Agent": "portal-reliability"}
        self.samples: list[tuple[float, float, int]] = []  # (start, latency, status)
        self.lock = threading.Lock()

    def run(self) -> "Load":
        self.started = time.monotonic()
        threads = [threading.Thread(target=self._reader, args=(i,)) for i in range(self.readers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return self

    def _reader(self, index: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        i = index
        while time.monotonic() - self.started < self.seconds:
            path = self.paths[i % len(self.paths)]
            i += self.readers
            began = time.monotonic()
            try:
                response = self._get(conn, path)
                code = response.status
                if code in (429, 503) and not response.getheader("Retry-After"):
                    code = 599  # a refusal must say when to come back
            except (OSError, http.client.HTTPException):
                code = 0
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
            with self.lock:
                self.samples.append((began - self.started, time.monotonic() - began, code))
        conn.close()

    def _get(self, conn: http.client.HTTPConnection, path: str) -> http.client.HTTPResponse:
        conn.request("GET", path, headers=self.headers)
        response = conn.getresponse()
        response.read()
        location = response.getheader("Location") or ""
        if self.follow and response.status in (301, 302, 307, 308) and location:
            target = urlsplit(location)
            conn.request(
                "GET",
                target.path + (f"?{target.query}" if target.query else ""),
                headers=self.headers,
            )
            response = conn.getresponse()
            response.read()
        return response

    def errors(self) -> list[tuple[float, float, int]]:
        return [s for s in self.samples if s[2] == 0 or s[2] >= 500]

    def percentile(self, p: float) -> float:
        latencies = sorted(s[1] for s in self.samples if 0 < s[2] < 500)
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1000

    def rate(self) -> float:
        return len(self.samples) / self.seconds

    def acknowledged(self) -> int:
        return len([s for s in self.samples if 200 <= s[2] < 300])


def django_setup() -> None:
    os.environ.update(ENV)
    os.environ["PORTAL_PROCESS"] = "command"  # this process's own queries: not a web request
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def reader_paths() -> list[str]:
    from news.models import ArticlePage, SectionPage

    sections = [p.url for p in SectionPage.objects.live()[:10]]
    articles = [p.url for p in ArticlePage.objects.live().order_by("-pk")[:150]]
    pages = [p for p in sections + articles if p]
    return ["/", "/en/", *pages, *[f"{s}?page=2" for s in sections[:3]], "/rss.xml", "/sitemap.xml"]


def scenario_steady(paths: list[str]) -> tuple[bool, str]:
    log(f"{READERS} readers for {READ_SECONDS:.0f} s")
    load = Load(paths, READERS, READ_SECONDS).run()
    errors = load.errors()
    ok = not errors
    line = (
        f"| {READERS} readers, {READ_SECONDS:.0f} s | {len(load.samples)} | {load.rate():.0f}/s | "
        f"{load.percentile(0.5):.0f} | {load.percentile(0.95):.0f} | {load.percentile(0.99):.0f} "
        f"| {len(errors)} |"
    )
    log(line)
    return ok, line


def old_article_paths(count: int) -> list[str]:
    """Random articles from the older half of the corpus, each with random unknown parameters."""
    import random

    from news.models import ArticlePage

    ids = list(
        ArticlePage.objects.live().order_by("first_published_at").values_list("pk", flat=True)
    )
    old = ids[: max(1, len(ids) // 2)]
    rng = random.Random(secrets.randbits(32))
    urls = {
        p.pk: p.url for p in ArticlePage.objects.filter(pk__in=rng.sample(old, min(500, len(old))))
    }
    keys = ["utm_source", "utm_campaign", "fbclid", "x", "ref", "q2", "session"]
    return [
        f"{rng.choice(list(urls.values()))}?{rng.choice(keys)}={secrets.token_hex(4)}"
        f"&{secrets.token_hex(2)}={rng.randrange(10**6)}"
        for _ in range(count)
    ]


def long_running_queries() -> int:
    """Backends of the portal's database still running a query older than the public timeout."""
    from django.conf import settings
    from django.db import connection

    connection.close()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND state = 'active' AND pid <> pg_backend_pid() "
            "AND now() - query_start > make_interval(secs => %s)",
            [settings.DB_STATEMENT_TIMEOUT_MS / 1000],
        )
        return cursor.fetchone()[0]


def scenario_abuse() -> tuple[bool, str]:
    log(f"{ABUSE_CLIENTS} clients for {ABUSE_SECONDS:.0f} s: old articles, unknown parameters")
    load = Load(old_article_paths(20_000), ABUSE_CLIENTS, ABUSE_SECONDS, follow=True)
    health: list[int] = []
    thread = threading.Thread(target=load.run)
    thread.start()
    time.sleep(0.5)
    while thread.is_alive():
        health.append(status("/healthz", timeout=5))
        time.sleep(1)
    thread.join()
    time.sleep(1)  # let a statement cancelled at the very end be gone
    lingering = long_running_queries()
    codes = [s[2] for s in load.samples]
    refused = len([c for c in codes if c in (429, 503)])
    errors = [c for c in codes if c not in (200, 429, 503)]
    p95 = load.percentile(0.95)
    unhealthy = len([code for code in health if code != 200])
    ok = not errors and p95 < ABUSE_P95_MS and not unhealthy and lingering == 0 and health
    line = (
        f"| {ABUSE_CLIENTS} clients, {ABUSE_SECONDS:.0f} s, old articles with random unknown "
        f"parameters | {len(codes)} | {load.rate():.0f}/s | {load.percentile(0.5):.0f} | "
        f"{p95:.0f} | {load.percentile(0.99):.0f} | {len(errors)} (429/503 with Retry-After: "
        f"{refused}; /healthz not 200: {unhealthy} of {len(health)}; queries older than the "
        f"timeout afterwards: {lingering}) |"
    )
    log(line)
    return ok, line


def scenario_publication_everywhere() -> tuple[bool, str]:
    """A page cached in every worker's own copy, published from another process, five times.

    Every request after the publication must show the new title: the workers' copies
    (`core/caching/local.py`) are dropped by the announcement, not by a timeout.
    """
    from news.models import ArticlePage

    page = ArticlePage.objects.live().order_by("-pk").first()
    original, url = page.title, page.url
    requests = stale = hits = 0
    for _ in range(60):
        hits += fetch(url)[2] == "hit"
    log(f"publication reaches every worker: {url} ({hits} of 60 warm-up requests were hits)")
    try:
        for round_ in range(5):
            marker = secrets.token_hex(6)
            page.title = f"{original} {marker}"
            page.save_revision().publish()
            for _ in range(40):
                _status, body, cache = fetch(url)
                requests += 1
                stale += marker not in body
                hits += cache == "hit"
            log(f"  round {round_ + 1}: stale answers so far {stale}")
    finally:
        page.title = original
        page.save_revision().publish()
    ok = stale == 0 and hits > 0
    line = (
        f"| a page cached in every worker published 5 times from another process | {requests} "
        f"requests after the publications: {stale} with the old title ({hits} cache hits in all) |"
    )
    log(line)
    return ok, line


def scenario_database_restart(paths: list[str]) -> tuple[bool, str]:
    from wagtail.models import Page

    from analytics.models import Hit

    live_before = set(Page.objects.live().values_list("pk", flat=True))
    hits_before = Hit.objects.count()
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    load = Load(paths, READERS, RESTART_SECONDS)
    # Beacon hits meanwhile: each worker thread's analytics connection dies with the restart and
    # is reopened on the next hit (analytics.store), so hits fail only while PostgreSQL is down.
    beacon = Load(
        [f"/analytics/hit?p={max(live_before)}&r=example.org"], 4, RESTART_SECONDS, BROWSER
    )
    thread = threading.Thread(target=load.run)
    beacon_thread = threading.Thread(target=beacon.run)
    thread.start()
    beacon_thread.start()
    time.sleep(RESTART_SECONDS / 3)
    log(f"restarting PostgreSQL {version} under load")
    restart_began = time.monotonic() - load.started
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"], check=True
    )
    restart_ended = time.monotonic() - load.started
    thread.join()
    beacon_thread.join()
    shift = beacon.started - load.started  # beacon samples are timed from its own start
    errors = load.errors() + [(e[0] + shift, e[1], e[2]) for e in beacon.errors()]
    last_error = max((e[0] + e[1] for e in errors), default=restart_ended)
    recovery = max(0.0, last_error - restart_ended)
    outside = [e for e in errors if e[0] + e[1] < restart_began - 0.5]
    from django.db import connection

    connection.close()
    live_after = set(Page.objects.live().values_list("pk", flat=True))
    lost = live_before - live_after
    acked, stored = beacon.acknowledged(), Hit.objects.count() - hits_before
    ok = (
        recovery <= RECOVERY_LIMIT
        and not outside
        and not lost
        and 0 < acked <= stored
        and status("/healthz") == 200
    )
    line = (
        f"| PostgreSQL restart under {READERS} readers and beacon hits "
        f"| restart {restart_ended - restart_began:.1f} s "
        f"| {len(errors)} errors ({len(beacon.errors())} of them beacon hits), all during or just "
        f"after it: {not outside} "
        f"| recovered {recovery:.1f} s after (limit {RECOVERY_LIMIT:.0f} s) "
        f"| published pages lost: {len(lost)} of {len(live_before)} "
        f"| beacon hits: {acked} acknowledged, {stored} stored |"
    )
    log(line)
    return ok, line


EDITOR = """
import os, sys, time
import django
django.setup()
from news.models import ArticlePage
ids = [int(x) for x in sys.argv[1:]]
n = 0
while True:
    for pk in ids:
        page = ArticlePage.objects.get(pk=pk)
        n += 1
        page.title = f"Bản sửa {n} của bài {pk}"
        page.lead = f"Sa pô bản sửa {n}"
        page.save_revision().publish()
        print(pk, n, flush=True)
"""


def scenario_kill_during_writes(server: Server) -> tuple[bool, str]:
    from django.db import connection

    from analytics.models import Hit
    from news.models import ArticlePage

    connection.close()
    targets = list(ArticlePage.objects.live().order_by("pk").values_list("pk", flat=True)[:5])
    editor = subprocess.Popen(
        [PY, "-c", EDITOR, *map(str, targets)], cwd=ROOT, env=ENV, stdout=subprocess.PIPE, text=True
    )
    # Let the editor publish a few revisions, then kill it at an arbitrary point of the next.
    acknowledged = [editor.stdout.readline() for _ in range(8)]
    time.sleep(secrets.randbelow(200) / 1000)
    editor.send_signal(signal.SIGKILL)
    acknowledged += editor.stdout.read().split("\n")
    editor.wait()
    half_published = []
    for page in ArticlePage.objects.filter(pk__in=targets):
        revision = page.live_revision
        if revision is None:
            continue  # never republished here (bulk-seeded rows have no revision)
        content = revision.content
        # The page row and its live revision agree: the publish committed whole, or not at all.
        consistent = content.get("title") == page.title and content.get("lead") == page.lead
        if not page.live or not consistent:
            half_published.append(page.pk)
    publishes = len([line for line in acknowledged if line.strip()])

    page_id = targets[0]
    before = Hit.objects.count()
    acked = 0
    lock = threading.Lock()
    stop = time.monotonic() + 8

    def visitor(n: int) -> None:
        nonlocal acked
        while time.monotonic() < stop:
            code = status(f"/analytics/hit?p={page_id}&r=example.org", BROWSER)
            if code in (200, 204):
                with lock:
                    acked += 1

    threads = [threading.Thread(target=visitor, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    time.sleep(3)
    victims = server.workers()
    if victims:
        os.kill(victims[0], signal.SIGKILL)
    for thread in threads:
        thread.join()
    connection.close()
    stored = Hit.objects.count() - before
    ok = not half_published and stored >= acked and acked > 0 and publishes > 0
    line = (
        f"| SIGKILL during writes | editor killed after {publishes} publishes: "
        f"half-published pages {len(half_published)} | worker killed under analytics hits: "
        f"{acked} acknowledged, {stored} stored |"
    )
    log(line)
    return ok, line


def only_markdown(only: str, results: list[tuple[bool, str]]) -> str:
    """One scenario's figures (RELIABILITY_ONLY), e.g. the abuse phase at 120,000 articles."""
    from news.models import ArticlePage

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    header = "| Scenario | Requests | Rate | p50 ms | p95 ms | p99 ms | Errors |\n|---|---|---|---|---|---|---|"
    if only == "fresh":  # a check, not a load: its line has a scenario and a result
        header = "| Scenario | Result |\n|---|---|"
    rows = "\n".join(line for _ok, line in results)
    return (
        f"## Reliability: {only} phase alone\n\n`RELIABILITY_ONLY={only} make reliability` on "
        f"{DB_NAME} ({ArticlePage.objects.count():,} articles), gunicorn "
        f"{ENV['WEB_CONCURRENCY']} workers × {ENV['GUNICORN_THREADS']} threads, production settings, "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; load average after the run {load} "
        f"on a 2-core machine shared with the load generator's own threads.\n\n{header}\n{rows}\n\n"
        f"Result: {'PASS' if all(ok for ok, _ in results) else 'FAIL'}."
    )


def main() -> int:
    if os.environ.get("RELIABILITY_REUSE_DB") != "1":
        log(f"preparing database {DB_NAME}")
        prepare_database()
    else:  # an existing corpus (120,000 articles): brought up to date, never dropped
        manage("migrate", "--noinput", "-v", "0")
        manage("collectstatic", "--noinput", "-v", "0")
    django_setup()
    paths = reader_paths()
    server = Server()
    results = []
    only = os.environ.get("RELIABILITY_ONLY", "")  # a trial of one scenario while developing
    try:
        if only in ("", "steady"):
            results.append(scenario_steady(paths))
        if only in ("", "abuse"):
            results.append(scenario_abuse())
        if only in ("", "fresh"):
            results.append(scenario_publication_everywhere())
        if only in ("", "restart"):
            results.append(scenario_database_restart(paths))
        if only in ("", "kill"):
            results.append(scenario_kill_during_writes(server))
    finally:
        server.stop()
    from bench.record import write_section

    if only:
        if os.environ.get("RELIABILITY_RECORD") == "1":
            write_section(f"reliability-{only}", only_markdown(only, results))
        return 0 if all(ok for ok, _ in results) else 1

    faults = "\n".join("- " + line.strip("| ").replace(" | ", "; ") for _ok, line in results[2:])
    cpus = os.cpu_count()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    write_section(
        "reliability",
        f"""## Reliability (`make reliability`)

gunicorn ({ENV["WEB_CONCURRENCY"]} workers × {ENV["GUNICORN_THREADS"]} threads, production settings) on
PostgreSQL, {cpus} CPUs shared with the load generator (and, when measured, with other jobs: load
average {load}), 200 demo articles; measured {time.strftime("%Y-%m-%d")}.

| Scenario | Requests | Rate | p50 ms | p95 ms | p99 ms | Errors |
|---|---|---|---|---|---|---|
{results[0][1]}
{results[1][1]}

Faults:

{faults}

Result: {"PASS" if all(ok for ok, _ in results) else "FAIL"}.
""",
    )
    failed = [line for ok, line in results if not ok]
    for line in failed:
        log(f"FAILED: {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

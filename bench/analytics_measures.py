"""The measurements behind `python -m bench.analytics`; each returns plain figures for the report."""

import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from statistics import median
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Max
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from analytics.models import DisplayModeDay, ExclusionDay, Hit, PageDay, PageMonth, SectionDay
from analytics.report import Period, section_rows
from analytics.rollup import rollup_backfill, rollup_day
from analytics.sections import report_sections
from analytics.synthetic import delete_hits_between, generate_hits, live_page_ids

PORT = int(os.environ.get("ANALYTICS_BENCH_PORT", "8103"))
Log = Callable[[str], None]

# A TCP connection per hit ("Connection: close"), as production's nginx opens one per request to
# gunicorn (`proxy_pass` speaks HTTP/1.0 to the upstream, docs/deployment.md). It also keeps the
# figure honest: wrk's 32 kept-alive connections are shared out among gunicorn's workers once, at
# connect time, and were seen landing 28, 4 and 0 on three workers (a lottery between ~750 and
# ~1,800 hits/s); a connection per hit goes to whichever worker is free.
WRK_SCRIPT = """
local ids = {%(ids)s}
math.randomseed(os.time())
request = function()
  local id = ids[math.random(#ids)]
  return wrk.format("GET", "/analytics/hit?p=" .. id .. "&r=www.example.vn", {
    ["Connection"] = "close",
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133." ..
      math.random(100000)
  })
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d %%d %%d %%d\\n", summary.requests,
    summary.duration, summary.errors.status, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout, latency:percentile(50), latency:percentile(99)))
end
"""


def _server_env(workers: int | None, threads: int | None) -> dict[str, str]:
    env = {**os.environ, "DEBUG": "0", "ALLOWED_HOSTS": "127.0.0.1,localhost"}
    env.update(
        SECRET_KEY=secrets.token_urlsafe(60),
        SECURE_SSL_REDIRECT="0",
        # The rate limit stays on (its cost is part of every hit), high enough for one load client.
        RATELIMIT_ANALYTICS="100000000/m",
        GUNICORN_LOG_LEVEL="warning",
    )
    # Workers and threads as production runs them (scripts/gunicorn.conf.py) unless told.
    for name, value in (("WEB_CONCURRENCY", workers), ("GUNICORN_THREADS", threads)):
        if value is not None:
            env[name] = str(value)
        else:
            env.pop(name, None)
    if connection.vendor == "postgresql":
        env["DJANGO_SETTINGS_MODULE"] = "portal.settings.production"
        env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/8")
    return env


def idle_share(seconds: float = 2.0) -> float | None:
    """The share of CPU time left idle over `seconds` (Linux), to say how quiet the machine was."""

    def sample() -> tuple[int, int]:
        with open("/proc/stat") as stat:
            ticks = [int(value) for value in stat.readline().split()[1:]]
        return ticks[3] + ticks[4], sum(ticks)  # idle + iowait, all

    try:
        idle_before, total_before = sample()
        time.sleep(seconds)
        idle_after, total_after = sample()
    except (OSError, IndexError, ValueError):
        return None
    return (idle_after - idle_before) / max(1, total_after - total_before)


def _gunicorn_config(config: Path, env: dict[str, str]) -> dict[str, Any]:
    """The worker class, workers and threads the configuration gives with this environment."""
    code = (
        "import json, runpy, sys; c = runpy.run_path(sys.argv[1]); "
        "print(json.dumps({k: c[k] for k in ('worker_class', 'workers', 'threads', "
        "'keepalive', 'max_requests')}))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code, str(config)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output)


def _wait_until_serving(log: Log, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/analytics/hit", timeout=2)
        except urllib.error.HTTPError:
            return  # 400 without a page id: the app answers
        except OSError:
            time.sleep(0.5)
        else:
            return
    raise RuntimeError(f"gunicorn did not answer on port {PORT}")


def ingest(
    duration: int,
    log: Log,
    entry: str,
    connections: int = 32,
    workers: int | None = None,
    threads: int | None = None,
) -> dict[str, Any]:
    """Hits per second through the real endpoint under gunicorn, and rows stored vs answered.

    gunicorn runs with production's configuration (`scripts/gunicorn.conf.py`: worker class,
    workers and threads for this machine's CPUs, keep-alive, worker recycling), so the figure
    is what production gets; `workers`/`threads` override it for experiments.
    """
    if not shutil.which("wrk"):
        raise RuntimeError("wrk is not installed")
    if connection.vendor != "postgresql":
        workers, threads = 1, 1  # SQLite has one writer
    page_ids = live_page_ids()[:2000]
    first_id = Hit.objects.aggregate(top=Max("id"))["top"] or 0
    gunicorn = Path(sys.executable).with_name("gunicorn")
    config = Path(settings.BASE_DIR) / "scripts" / "gunicorn.conf.py"
    env = _server_env(workers, threads)
    server_config = _gunicorn_config(config, env)
    server_log = tempfile.TemporaryFile()  # noqa: SIM115 - closed with the server, below
    server = subprocess.Popen(
        [str(gunicorn), entry, "-c", str(config), "--bind", f"127.0.0.1:{PORT}"],
        env=env,
        cwd=settings.BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=server_log,
    )
    try:
        try:
            _wait_until_serving(log)
        except RuntimeError:
            server_log.seek(0)
            log(server_log.read().decode(errors="replace")[-3000:])
            raise
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(WRK_SCRIPT % {"ids": ",".join(map(str, page_ids))})

        def load(seconds: int) -> str:
            command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", script.name]
            return subprocess.run(
                [*command, f"http://127.0.0.1:{PORT}"], capture_output=True, text=True, check=True
            ).stdout

        load(3)  # every worker imports and warms up before the measured run
        time.sleep(1)  # requests wrk abandoned at its deadline finish before counting starts
        start_id = Hit.objects.aggregate(top=Max("id"))["top"] or 0
        output = load(duration)
        os.unlink(script.name)
    finally:
        server.send_signal(signal.SIGTERM)  # graceful: in-flight requests finish
        server.wait(timeout=60)
        server_log.close()
    match = re.search(r"RESULT ((?:\d+ ?){9})", output)
    requests, micros, status, conn_err, read_err, write_err, timeouts, p50, p99 = map(
        int, match.group(1).split()
    )
    accepted = requests - status
    new_hits = Hit.objects.filter(id__gt=start_id)
    rows = new_hits.count()
    counted = new_hits.filter(reason=0).count()
    Hit.objects.filter(id__gt=first_id).delete()  # synthetic load: leave today's figures alone
    rollup_day(timezone.localdate())
    return {
        "entry": entry,
        **server_config,
        "connections": connections,
        "seconds": micros / 1e6,
        "rate": accepted / (micros / 1e6),
        "accepted": accepted,
        "rows": rows,
        "counted": counted,
        "lost": max(0, accepted - rows),
        "errors": status + conn_err + read_err + write_err + timeouts,
        "p50_ms": p50 / 1000,
        "p99_ms": p99 / 1000,
    }


def beacon_cost(requests: int) -> dict[str, Any]:
    """The include's queries and render time, beside a whole page's (in-process, no page cache)."""
    from news.models import ArticlePage

    page = ArticlePage.objects.live().order_by("-id").first()
    request = RequestFactory().get(page.url)
    context = {"page": page, "request": request}
    with CaptureQueriesContext(connection) as queries:
        render_to_string("components/analytics_beacon.html", context)
    include_ms = median_ms(
        lambda: render_to_string("components/analytics_beacon.html", context), runs=requests * 10
    )
    client = Client()
    url = page.get_url()
    with override_settings(PORTAL_PAGE_CACHE=False, DEBUG=False):
        page_ms = median_ms(lambda: client.get(url), runs=requests)
    return {
        "include_queries": len(queries.captured_queries),
        "include_ms": include_ms,
        "requests": requests,
        "page_ms": page_ms,
    }


def _analyze(*tables: str) -> None:
    """Fresh planner statistics after a bulk load (autovacuum would do it a little later)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"ANALYZE {table}")


def median_ms(function: Callable[[], Any], runs: int = 5) -> float:
    function()  # warm
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return median(times)


def report_and_rollups(
    hits: int, day_hits: int, last_day: date, rollup_day_date: date, keep: bool, log: Log
) -> dict[str, Any]:
    """Generate `hits` over 400 days ending `last_day`, roll up, time the reports and a day."""
    days = 400
    first_day = last_day - timedelta(days=days - 1)
    existing = Hit.objects.filter(day__gte=first_day, day__lte=last_day).count()
    generate_s = backfill_s = None
    if existing < hits:  # otherwise a kept (--keep) earlier run's hits and rollups are reused
        started = time.perf_counter()
        generate_hits(hits, first_day, days)
        generate_s = time.perf_counter() - started
        log(f"   generated in {generate_s:.1f} s; rolling up {days} days ...")
        _analyze("analytics_hit")
        started = time.perf_counter()
        rollup_backfill([first_day + timedelta(days=n) for n in range(days)], forget=False)
        backfill_s = time.perf_counter() - started
    _analyze("analytics_pageday", "analytics_pagemonth", "analytics_sectionday")
    log("   timing the report ...")

    month = Period.month(last_day)
    report_ms = median_ms(lambda: section_rows(month))
    range_report_ms = median_ms(
        lambda: section_rows(Period(month.start, month.start + timedelta(days=19)))
    )
    month_rows = PageMonth.objects.filter(month=month.start).count()

    log(f"   one day of {day_hits} hits ...")
    delete_hits_between(rollup_day_date, rollup_day_date)
    generate_hits(day_hits, rollup_day_date, 1, excluded_share=0)
    _analyze("analytics_hit")
    sections = report_sections()
    started = time.perf_counter()
    rollup_day(rollup_day_date, sections)
    day_rollup_s = time.perf_counter() - started
    started = time.perf_counter()
    Hit.objects.filter(day=rollup_day_date).update(visitor=None)
    forget_s = time.perf_counter() - started

    if not keep:
        log("   deleting the synthetic hits and their rollups ...")
        delete_hits_between(first_day, rollup_day_date)
        for model in (PageDay, SectionDay, ExclusionDay, DisplayModeDay):
            model.objects.filter(day__gte=first_day, day__lte=rollup_day_date)._raw_delete(
                "default"
            )
        PageMonth.objects.filter(
            month__gte=first_day.replace(day=1), month__lte=rollup_day_date
        ).delete()
    return {
        "generate_s": generate_s,
        "backfill_s": backfill_s,
        "days": days,
        "report_ms": report_ms,
        "range_report_ms": range_report_ms,
        "month_rows": month_rows,
        "day_rollup_s": day_rollup_s,
        "forget_s": forget_s,
        "pages": len(live_page_ids()),
        "sections": len(sections),
    }

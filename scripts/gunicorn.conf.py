"""gunicorn for `make serve` and production: workers from the CPUs, graceful restarts, JSON logs."""

import multiprocessing
import os

from gunicorn.glogging import Logger

bind = os.environ.get("BIND", "127.0.0.1:8000")
# A worker a core plus one, of 4 threads each: the threads cover the waits on PostgreSQL and
# Redis, and few processes leave the CPUs to the work rather than to switching between them.
# Beacon hits on 2 cores, a connection per hit (docs/performance.md, "Analytics ingestion"):
# 3 x 4 1,529/s, 2 x 4 1,470/s, 5 x 2 (the earlier default) 1,408/s.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread" if threads > 1 else "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On SIGTERM (deploy, restart) a worker finishes the requests it has before exiting.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# Recycle workers now and then so a slow leak never grows; jitter keeps them from all restarting at
# once. Every page view also sends an analytics hit, so requests come fast: a worker re-imports
# the whole portal when it restarts (no preload, so that HUP reloads new code), and at 2,000
# requests that was every few seconds under load, costing more CPU than the requests themselves.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "50000"))
max_requests_jitter = int(max_requests * 0.1)


class NoAccessLogger(Logger):
    """gunicorn's logger without the access log, which is off here (see `accesslog` below).

    With `logconfig_dict` set, gunicorn would still build every request's access-log fields and
    record, for a logger with no handler: wasted CPU on every beacon hit.
    """

    def access(self, resp: object, req: object, environ: dict, request_time: object) -> None:
        return


# The app logs each request itself (JSON, with request id, without the client's address).
logger_class = NoAccessLogger
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "core.security.observability.RedactingFilter"}},
    "formatters": {"json": {"()": "core.security.observability.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json", "filters": ["redact"]},
    },
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": [], "propagate": False},
    },
}
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_worker_init(worker: object) -> None:
    """Move the loaded application's objects out of the garbage collector's sight.

    The modules, models and settings a worker loads live as long as the worker; without this,
    every full collection walks them all again, a pause of tens of milliseconds in whichever
    request triggers it (docs/performance.md). `gc.freeze` is the standard library's tool for this.
    """
    import gc

    gc.collect()
    gc.freeze()

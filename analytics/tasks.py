"""The rollup and the purge as Django tasks, for a worker instead of cron."""

from django_tasks import task

from .rollup import purge_hits, run_rollup


@task()
def rollup_visits() -> list[str]:
    return [day.isoformat() for day in run_rollup().days]


@task()
def purge_old_hits() -> int:
    return purge_hits()

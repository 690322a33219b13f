from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "core.caching"
    label = "portal_caching"
    verbose_name = "Portal caching"

    def ready(self) -> None:
        from core import tasks
        from core.caching import invalidation

        invalidation.connect()
        tasks.connect()

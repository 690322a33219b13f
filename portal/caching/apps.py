from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "portal.caching"
    label = "portal_caching"
    verbose_name = "Portal caching"

    def ready(self) -> None:
        from portal import tasks
        from portal.caching import invalidation

        invalidation.connect()
        tasks.connect()

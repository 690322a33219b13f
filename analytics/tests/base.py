"""A small tree built once per test class, and beacon hits sent the way a browser sends them."""

from django.core import signals
from django.db import close_old_connections
from django.test import Client, RequestFactory, TestCase

from analytics import collect, visitors
from sitewide.models import StandardPage
from testsupport import make_article, make_section, make_site

BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)


def build_tree() -> dict:
    """Home > Tin tức > (Chuyển đổi số > a1, a2; Hoạt động > b1), Home > Giới thiệu; en home."""
    home, home_en = make_site()
    news = make_section(home, "Tin tức", slug="tin-tuc")
    digital = make_section(news, "Chuyển đổi số", slug="chuyen-doi-so")
    activity = make_section(news, "Hoạt động", slug="hoat-dong")
    about = StandardPage(title="Giới thiệu", slug="gioi-thieu")
    home.add_child(instance=about)
    about.save_revision().publish()
    return {
        "home": home,
        "home_en": home_en,
        "news": news,
        "digital": digital,
        "activity": activity,
        "about": about,
        "a1": make_article(digital, "Bài A1"),
        "a2": make_article(digital, "Bài A2"),
        "b1": make_article(activity, "Bài B1"),
    }


def send_hit(client: Client, page_id, ip: str = "203.0.113.7", agent: str = BROWSER, **extra):
    """One beacon call; `extra` holds query parameters, and headers as HTTP_* keys."""
    params = {"p": page_id}
    headers = {}
    for key, value in extra.items():
        (headers if key.startswith("HTTP_") else params)[key] = value
    return client.get("/analytics/hit", params, REMOTE_ADDR=ip, HTTP_USER_AGENT=agent, **headers)


def call_fast_path(testcase: TestCase, path: str, **extra) -> tuple[str, dict, bytes]:
    """One request through gunicorn's entry point (`portal.wsgi.application`): status, headers,
    body. `extra` holds WSGI environ keys (headers as HTTP_*, REMOTE_ADDR)."""
    from portal.wsgi import application

    extra.setdefault("HTTP_USER_AGENT", BROWSER)
    environ = RequestFactory().get(path, **extra).environ
    # As Django's test client does: the test's transaction must survive the request signals.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    testcase.addCleanup(signals.request_started.connect, close_old_connections)
    testcase.addCleanup(signals.request_finished.connect, close_old_connections)
    answer = {}
    body = application(
        environ, lambda status, headers: answer.update(status=status, headers=dict(headers))
    )
    content = b"".join(body)
    body.close()
    return answer["status"], answer["headers"], content


def reset_worker_caches() -> None:
    visitors.forget_cached_salts()
    collect._live_pages.clear()


class TreeTestCase(TestCase):
    """Each test starts like a fresh worker (no cached salt, no cached live pages)."""

    tree: dict

    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()

    def setUp(self):
        reset_worker_caches()
        self.addCleanup(reset_worker_caches)

    def hit(self, page, client: Client | None = None, **extra):
        page_id = page.pk if hasattr(page, "pk") else page
        return send_hit(client or Client(), page_id, **extra)

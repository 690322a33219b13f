"""A scripted day of visits with known counts per section, with excluded requests mixed in."""

from django.test import Client

from .base import BROWSER, send_hit

FIREFOX = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


def play(tree: dict) -> None:
    """Three readers, plus a bot, a Do-Not-Track reader, a GPC reader and a prefetch."""
    readers = {
        "203.0.113.1": ["a1", "a1", "a2"],  # one reader, three views in Chuyển đổi số
        "203.0.113.2": ["a1", "b1"],  # one reader in two subsections of Tin tức
        "203.0.113.3": ["about"],
    }
    for ip, pages in readers.items():
        for name in pages:
            send_hit(Client(), tree[name].pk, ip=ip)
    excluded = [
        (
            "a1",
            {"agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"},
        ),
        ("a1", {"agent": "Mozilla/5.0 (compatible; bingbot/2.0)"}),
        ("a2", {"HTTP_DNT": "1"}),
        ("b1", {"HTTP_SEC_GPC": "1"}),
        ("a1", {"HTTP_SEC_PURPOSE": "prefetch"}),
        ("about", {"agent": BROWSER.replace("Chrome/", "HeadlessChrome/")}),
    ]
    for name, extra in excluded:
        send_hit(Client(), tree[name].pk, ip="198.51.100.9", **extra)
    # A fourth reader with another browser behind the same address is another visitor.
    send_hit(Client(), tree["b1"].pk, ip="203.0.113.1", agent=FIREFOX)


# (url path, title, page views, visitors), tree order: what every output must show.
EXPECTED = [
    ("/", "Trang chủ thử nghiệm", 7, 4),
    ("/tin-tuc/", "Tin tức", 6, 3),
    ("/tin-tuc/chuyen-doi-so/", "Chuyển đổi số", 4, 2),
    ("/tin-tuc/hoat-dong/", "Hoạt động", 2, 2),
    ("/gioi-thieu/", "Giới thiệu", 1, 1),
    ("/en/", "Test home", 0, 0),
]
EXCLUDED = {"bot": 2, "dnt": 1, "gpc": 1, "prefetch": 1, "headless": 1}

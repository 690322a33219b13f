"""User-agent rules for crawlers, tools and headless browsers: the one place they are kept."""

import re

# Substrings (case-insensitive) that only automated clients send. Browsers never contain them.
BOT_MARKERS = (
    "bot",
    "crawl",
    "spider",
    "slurp",
    "archiver",
    "scrap",
    "fetch",
    "monitor",
    "checker",
    "preview",
    "facebookexternalhit",
    "embedly",
    "mediapartners",
    "lighthouse",
    "pagespeed",
    "pingdom",
    "uptime",
    "curl",
    "wget",
    "python",
    "httpclient",
    "http-client",
    "okhttp",
    "java/",
    "go-http",
    "libwww",
    "perl",
    "ruby",
    "php",
    "node-fetch",
    "axios",
    "postman",
    "insomnia",
    "feed",
    "rss",
    "validator",
    "w3c",
    "scanner",
    "nikto",
    "sqlmap",
    "zgrab",
    "masscan",
)
# Browsers driven by scripts announce themselves in the user agent or in client hints.
HEADLESS_MARKERS = ("headless", "phantomjs", "electron", "puppeteer", "playwright", "selenium")

_BOT = re.compile("|".join(re.escape(marker) for marker in BOT_MARKERS), re.IGNORECASE)
_HEADLESS = re.compile("|".join(re.escape(marker) for marker in HEADLESS_MARKERS), re.IGNORECASE)
# A real browser's user agent names an engine; an empty or bare one is a tool.
_BROWSER = re.compile(r"mozilla/|opera/", re.IGNORECASE)
# The same patterns for ASCII text already lower-cased: every beacon hit runs them, and a search
# with IGNORECASE over ~45 alternatives costs ten times as much. For ASCII text, matching the
# lower-cased text is exactly matching with IGNORECASE (the markers are ASCII and lower case).
_BOT_LOWER = re.compile(_BOT.pattern)
_HEADLESS_LOWER = re.compile(_HEADLESS.pattern)
_BROWSER_LOWER = re.compile(_BROWSER.pattern)


def is_headless(user_agent: str, client_hints: str = "") -> bool:
    """Whether the user agent or the client hints name a headless or script-driven browser."""
    text = f"{user_agent}\n{client_hints}"
    if text.isascii():
        return bool(_HEADLESS_LOWER.search(text.lower()))
    return bool(_HEADLESS.search(user_agent) or _HEADLESS.search(client_hints))


def is_bot(user_agent: str) -> bool:
    """Whether the user agent is a crawler or a tool: no browser engine named, or a bot marker."""
    if user_agent.isascii():
        lowered = user_agent.lower()
        return not _BROWSER_LOWER.search(lowered) or bool(_BOT_LOWER.search(lowered))
    return not _BROWSER.search(user_agent) or bool(_BOT.search(user_agent))

"""Hostile input against every public URL: arbitrary query strings, headers and path segments.

Whatever arrives, the answer is a page, a redirect or a 4xx: never a 500. Bounded examples and no
deadline keep it to seconds on a shared CI machine.
"""

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page

from testsupport import make_article

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
junk = st.one_of(
    text,
    st.sampled_from(["-1", "0", "99999999999999999999", "1e9", "NaN", "../", "%00", "' OR 1=1--"]),
)
query = st.dictionaries(
    st.sampled_from(["page", "q", "section", "date_from", "date_to", "p", "r", "t", "m", "x"]),
    junk,
    max_size=5,
)
header_value = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=60)
headers = st.fixed_dictionaries(
    {},
    optional={
        "HTTP_ACCEPT_LANGUAGE": header_value,
        "HTTP_COOKIE": header_value,
        "HTTP_REFERER": header_value,
        "HTTP_USER_AGENT": header_value,
        "HTTP_X_FORWARDED_FOR": header_value,
        "HTTP_DNT": header_value,
        "HTTP_SEC_GPC": header_value,
        "HTTP_IF_MODIFIED_SINCE": header_value,
        "HTTP_X_REQUEST_ID": header_value,
    },
)
segment = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20
).filter(lambda s: "/" not in s and "?" not in s and "#" not in s)


@pytest.fixture
def site(home, news_section, settings):
    settings.PORTAL_RATELIMIT_ENABLED = False  # the fuzzer asks far faster than any reader
    cache.clear()
    article = make_article(news_section, "Bài viết để thử")
    return {
        "home": "/",
        "section": Page.objects.get(pk=news_section.pk).url,
        "article": Page.objects.get(pk=article.pk).url,
        "search": "/search/",
        "feed": "/rss.xml",
        "section_feed": Page.objects.get(pk=news_section.pk).url + "rss/",
        "sitemap": "/sitemap.xml",
        "analytics": "/analytics/hit",
        "english": "/en/",
    }


def answer(path: str, params: dict, extra: dict) -> int:
    return Client(raise_request_exception=False).get(path, params, **extra).status_code


@pytest.mark.parametrize(
    "target",
    ["home", "section", "article", "search", "feed", "section_feed", "sitemap", "analytics"],
)
def test_public_urls_never_answer_500_to_any_query_or_headers(site, target):
    @FUZZ
    @given(params=query, extra=headers)
    def check(params, extra):
        assert answer(site[target], params, extra) < 500

    check()


def test_arbitrary_path_segments_never_answer_500(site):
    @FUZZ
    @given(base=st.sampled_from(["home", "section", "article", "english"]), tail=segment)
    def check(base, tail):
        assert answer(site[base] + tail + "/", {}, {}) < 500

    check()

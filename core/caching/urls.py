"""Wagtail's front-end URLs, its serve view replaced by one that routes from the site structure
(core/caching/routing.py): the same pattern and name, after Wagtail's `_util/` URLs. Included
last under the language prefix: its pattern matches every path."""

from django.urls import re_path
from wagtail import urls as wagtail_urls
from wagtail.urls import serve_pattern

from core.caching import routing

urlpatterns = [
    *(p for p in wagtail_urls.urlpatterns if p.name != "wagtail_serve"),
    re_path(serve_pattern, routing.serve, name="wagtail_serve"),
]

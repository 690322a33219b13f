"""Site-wide URLs under each language prefix: the ranked search and the feed of every section."""

from django.urls import path

from news.feeds import SiteFeed
from sitewide.search import views as search_views

urlpatterns = [
    path("search/", search_views.search, name="search"),
    path("rss.xml", SiteFeed(), name="site_feed"),
]

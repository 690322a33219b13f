"""The sitemap index, its parts and robots.txt, at the site's root (never language-prefixed)."""

from django.urls import path

from seo import views

urlpatterns = [
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path("sitemap-<str:section>.xml", views.sitemap_part, name="sitemap_part"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

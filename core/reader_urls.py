"""Core URLs under each language prefix, so the page speaks the reader's language."""

from django.urls import path

from core import views

urlpatterns = [
    # /display-settings/ and /en/display-settings/.
    path("display-settings/", views.display_settings, name="display_settings"),
]

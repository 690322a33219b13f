"""The editors' side of the admin: Vietnamese slugs, role dashboards and the editor's guide."""

from django.apps import AppConfig


class EditorsConfig(AppConfig):
    name = "core.editors"
    label = "portal_editors"
    verbose_name = "Biên tập"

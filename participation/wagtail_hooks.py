"""Admin wiring: the participation menu (questions, comments on drafts, page feedback)."""

from wagtail import hooks

from .admin import ParticipationViewSetGroup


@hooks.register("register_admin_viewset")
def register_participation_viewsets():
    return ParticipationViewSetGroup()

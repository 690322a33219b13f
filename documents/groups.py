"""The legal department ("Pháp chế"): writes documents, submits them to the moderation workflow.

Its page permissions sit on each documents index, so the group edits documents and nothing else
in the tree; a new index gets them when it is created.
"""

from typing import Any

LEGAL_DEPARTMENT = "Pháp chế"
PAGE_PERMISSIONS = ("add_page", "change_page")
SNIPPETS = ("documenttype", "documentfield", "issuingbody")


def grant_on_index(group: Any, index: Any, permission_model: Any, grant_model: Any) -> None:
    """Let the group add and change pages below `index` (never publish: moderators do)."""
    for codename in PAGE_PERMISSIONS:
        permission = permission_model.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        grant_model.objects.get_or_create(group=group, page_id=index.pk, permission=permission)


def on_index_created(
    sender: Any, instance: Any, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    if not created or raw:
        return
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group = Group.objects.filter(name=LEGAL_DEPARTMENT).first()
    if group is not None:
        grant_on_index(group, instance, Permission, GroupPagePermission)

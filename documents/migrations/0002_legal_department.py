"""The "Pháp chế" group: admin access, the document lists, and pages below each documents index.

Publishing stays with moderators through the portal's workflow ("Duyệt tin trước khi xuất bản",
on the whole tree): the legal department saves drafts and submits them.
"""

from django.db import migrations

from documents.groups import LEGAL_DEPARTMENT, SNIPPETS, grant_on_index


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    DocumentIndexPage = apps.get_model("documents", "DocumentIndexPage")

    group, _ = Group.objects.get_or_create(name=LEGAL_DEPARTMENT)
    group.permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
    )
    for model in SNIPPETS:
        content_type, _ = ContentType.objects.get_or_create(app_label="documents", model=model)
        for action in ("view", "add", "change"):
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            group.permissions.add(permission)
    for index in DocumentIndexPage.objects.all():
        grant_on_index(group, index, Permission, GroupPagePermission)


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=LEGAL_DEPARTMENT).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_initial"),
        ("portal", "0003_roles_and_workflow"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]

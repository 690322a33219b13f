"""The "Hỏi đáp" group (the only one that sees citizens' personal data) and who may use each queue.

- "Hỏi đáp": the questions and comments queues, with the senders' personal data.
- "Kiểm duyệt viên" (moderators): the same queues, without personal data (they see the text).
- "Biên tập viên" and moderators: the "was this page useful?" comments on the pages they edit.
Permissions are created after all migrations normally; they are created here so they can be granted.
"""

from django.db import migrations

STAFF_GROUP = "Hỏi đáp"
EDITORS = "Biên tập viên"
MODERATORS = "Kiểm duyệt viên"


def _permission(apps, model: str, action: str):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="participation", model=model)
    return Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{model}",
        defaults={"name": f"Can {action} {model}"},
    )[0]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    staff, _ = Group.objects.get_or_create(name=STAFF_GROUP)
    admin_access = Permission.objects.get(
        codename="access_admin", content_type__app_label="wagtailadmin"
    )
    staff.permissions.add(admin_access)
    queues = [
        _permission(apps, model, action)
        for model in ("question", "draftcomment")
        for action in ("view", "change")
    ]
    feedback = [_permission(apps, "usefulvote", action) for action in ("view", "change")]
    staff.permissions.add(*queues)
    for name, grants in ((MODERATORS, queues + feedback), (EDITORS, feedback)):
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*grants)


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=STAFF_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0001_initial"),
        ("portal", "0003_roles_and_workflow"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

"""Communications staff set the monthly section targets shown in the visit report."""

from django.db import migrations

from core.groups import COMMUNICATIONS

CODENAMES = {
    "add_sectiontarget": "Can add chỉ tiêu truy cập",
    "change_sectiontarget": "Can change chỉ tiêu truy cập",
    "delete_sectiontarget": "Can delete chỉ tiêu truy cập",
    "view_sectiontarget": "Can view chỉ tiêu truy cập",
}


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    target_type, _ = ContentType.objects.get_or_create(app_label="analytics", model="sectiontarget")
    permissions = [
        Permission.objects.get_or_create(content_type=target_type, codename=codename, defaults={"name": name})[0]
        for codename, name in CODENAMES.items()
    ]
    Group.objects.get(name=COMMUNICATIONS).permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("analytics", "0002_communications_can_view_reports")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

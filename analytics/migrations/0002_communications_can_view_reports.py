"""Communications staff read the visit report: admin access and the report permission."""

from django.db import migrations

from core.groups import COMMUNICATIONS


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    RollupState = apps.get_model("analytics", "RollupState")

    RollupState.objects.get_or_create(pk=1)
    # Permissions are normally created after all migrations; create this one now to grant it.
    page_day, _ = ContentType.objects.get_or_create(app_label="analytics", model="pageday")
    view_report, _ = Permission.objects.get_or_create(
        content_type=page_day,
        codename="view_visit_report",
        defaults={"name": "Xem báo cáo lượt truy cập"},
    )
    admin_access = Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
    communications, _ = Group.objects.get_or_create(name=COMMUNICATIONS)
    communications.permissions.add(view_report, admin_access)


def backwards(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="analytics", codename="view_visit_report").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("analytics", "0001_initial"),
        ("portal", "0003_roles_and_workflow"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]

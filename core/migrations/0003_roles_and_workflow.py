"""Editors, moderators and communications staff, and the moderation workflow on the whole tree.

Wagtail's own migrations create "Editors" and "Moderators" with page permissions on the root
and a one-step "Moderators approval" workflow. We rename them into the portal's Vietnamese
roles, take publishing away from editors, and add the communications group (reports only).
"""

from django.db import migrations

EDITORS = "Biên tập viên"
MODERATORS = "Kiểm duyệt viên"
COMMUNICATIONS = "Truyền thông"
WORKFLOW_NAME = "Duyệt tin trước khi xuất bản"
TASK_NAME = "Kiểm duyệt viên phê duyệt"


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    editors = Group.objects.filter(name="Editors").first() or Group.objects.get_or_create(name=EDITORS)[0]
    editors.name = EDITORS
    editors.save()
    moderators = Group.objects.filter(name="Moderators").first() or Group.objects.get_or_create(name=MODERATORS)[0]
    moderators.name = MODERATORS
    moderators.save()
    Group.objects.get_or_create(name=COMMUNICATIONS)

    admin_access = Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
    for group in (editors, moderators):
        group.permissions.add(admin_access)

    # The custom image model's permissions are normally created after all migrations;
    # create them now so the roles can be granted them here.
    image_ct, _ = ContentType.objects.get_or_create(app_label="portal", model="portalimage")
    image_permissions = {
        codename: Permission.objects.get_or_create(
            content_type=image_ct, codename=codename, defaults={"name": f"Can {codename.split('_')[0]} image"}
        )[0]
        for codename in ("add_portalimage", "change_portalimage", "delete_portalimage", "choose_image")
    }
    # Wagtail grants image permissions per collection; the root collection covers them all.
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = Collection.objects.get(depth=1)
    grants = {
        editors: ("add_portalimage", "change_portalimage", "choose_image"),
        moderators: tuple(image_permissions),
    }
    for group, codenames in grants.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=image_permissions[codename]
            )

    root = Page.objects.get(depth=1)
    page_ct, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")

    def page_permission(codename):
        return Permission.objects.get(content_type=page_ct, codename=codename)

    # Editors write and submit; they never publish.
    GroupPagePermission.objects.filter(group=editors, permission__codename="publish_page").delete()
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=page_permission(codename))
    for codename in ("add_page", "change_page", "publish_page", "delete_page"):
        GroupPagePermission.objects.get_or_create(group=moderators, page=root, permission=page_permission(codename))

    task = GroupApprovalTask.objects.filter(name="Moderators approval").first()
    if task is None:
        task_ct, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_ct, active=True)
    task.name = TASK_NAME
    task.save()
    task.groups.set([moderators])

    workflow = Workflow.objects.filter(name="Moderators approval").first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    workflow.name = WORKFLOW_NAME
    workflow.active = True
    workflow.save()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_vietnamese_search_configuration"),
        # After every migration that grants permissions to Wagtail's "Editors"/"Moderators" by name.
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailmedia", "0002_initial_data"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

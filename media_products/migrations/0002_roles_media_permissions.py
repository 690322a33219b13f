"""Give the portal's editors and moderators what they need to make multimedia products.

wagtailmedia's own migration grants media permissions to groups named "Editors" and
"Moderators"; portal 0003 renamed those groups, so the grants are made here by the portal's
names. Media permissions are per collection (the root covers all); captions and podcast
series are snippets with model permissions. Editors add and change; moderators also delete.
"""

from django.db import migrations

EDITORS = "Biên tập viên"
MODERATORS = "Kiểm duyệt viên"
SNIPPETS = ("captiontrack", "podcastseries")


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def permission(app_label, model, action):
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        return Permission.objects.get_or_create(
            content_type=content_type, codename=f"{action}_{model}",
            defaults={"name": f"Can {action} {model}"},
        )[0]

    editors, _ = Group.objects.get_or_create(name=EDITORS)
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    root_collection = Collection.objects.get(depth=1)
    roles = {editors: ("add", "change"), moderators: ("add", "change", "delete")}
    for group, actions in roles.items():
        for action in actions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission("wagtailmedia", "media", action)
            )
        for model in SNIPPETS:
            for action in (*actions, "view"):
                group.permissions.add(permission("media_products", model, action))


def backwards(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="media_products", content_type__model__in=SNIPPETS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("media_products", "0001_initial"),
        ("portal", "0003_roles_and_workflow"),
        ("wagtailmedia", "0005_alter_media_options"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]

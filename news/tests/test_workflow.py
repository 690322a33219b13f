"""Editorial roles and moderation: editors submit, moderators approve and publish."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, Workflow

from core.groups import COMMUNICATIONS, EDITORS, MODERATORS, WORKFLOW_NAME
from testsupport import make_article, make_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("bientap", password="mat-khau-du-dai-1")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("kiemduyet", password="mat-khau-du-dai-2")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


def test_roles_exist_with_the_right_page_permissions(news_section, editor, moderator):
    assert Group.objects.filter(name=COMMUNICATIONS).exists()
    editor_perms = news_section.permissions_for_user(editor)
    moderator_perms = news_section.permissions_for_user(moderator)
    assert editor_perms.can_add_subpage() and editor_perms.can_edit()
    assert not editor_perms.can_publish()
    assert moderator_perms.can_publish()


def test_the_news_tree_requires_moderator_approval(news_section):
    workflow = news_section.get_workflow()
    assert workflow is not None and workflow.name == WORKFLOW_NAME
    assert Workflow.objects.get(name=WORKFLOW_NAME).workflow_tasks.count() == 1
    task = workflow.workflow_tasks.first().task.specific
    assert list(task.groups.values_list("name", flat=True)) == [MODERATORS]


def _edit_post(article, **overrides):
    data = {
        "title": article.title,
        "slug": article.slug,
        "lead": article.lead,
        "featured_image": "",
        "featured_image_alt": "",
        "body-count": "1",
        "body-0-type": "paragraph",
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-value": '{"blocks":[{"key":"a","text":"Nội dung.","type":"unstyled","depth":0,'
        '"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}',
        "body-0-id": "b0",
        "author": "",
        "source": "",
        "tags": "",
        "publication_date": "",
        "seo_title": "",
        "search_description": "",
        "related_links-TOTAL_FORMS": "0",
        "related_links-INITIAL_FORMS": "0",
        "related_links-MIN_NUM_FORMS": "0",
        "related_links-MAX_NUM_FORMS": "6",
        "document_links-TOTAL_FORMS": "0",
        "document_links-INITIAL_FORMS": "0",
        "document_links-MIN_NUM_FORMS": "0",
        "document_links-MAX_NUM_FORMS": "1000",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_editor_submits_and_moderator_approves_to_publish(client, news_section, editor, moderator):
    article = make_article(news_section, "Tin chờ duyệt", publish=False)
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        _edit_post(article, **{"action-submit": "1"}),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert not article.live
    state = article.current_workflow_state
    assert state is not None and state.status == "in_progress"

    client.force_login(moderator)
    task_state = state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk]),
        {"comment": "Đồng ý xuất bản."},
    )
    assert response.status_code in (200, 302)
    article.refresh_from_db()
    assert article.live


def test_editor_cannot_publish_directly(client, news_section, editor):
    article = make_article(news_section, "Tin của biên tập viên", publish=False)
    client.force_login(editor)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        _edit_post(article, **{"action-publish": "1"}),
    )
    article.refresh_from_db()
    assert not article.live


def test_draft_may_lack_alt_text_but_submission_is_refused(client, news_section, editor):
    image = make_image(description="")
    article = make_article(news_section, "Tin có ảnh chưa mô tả", publish=False)
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])

    draft = client.post(url, _edit_post(article, featured_image=str(image.pk)))
    assert draft.status_code == 302
    assert (
        Page.objects.get(pk=article.pk).get_latest_revision().content["featured_image"] == image.pk
    )

    submit = client.post(
        url, _edit_post(article, featured_image=str(image.pk), **{"action-submit": "1"})
    )
    assert submit.status_code == 200
    assert "Ảnh đại diện cần văn bản thay thế" in submit.content.decode()
    assert Page.objects.get(pk=article.pk).current_workflow_state is None


def test_revisions_and_audit_log_record_publication(news_section):
    from wagtail.models import PageLogEntry

    article = make_article(news_section, "Tin có lịch sử")
    assert article.revisions.count() == 1
    assert PageLogEntry.objects.filter(page=article, action="wagtail.publish").exists()

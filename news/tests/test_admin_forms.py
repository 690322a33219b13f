"""Every page type's admin forms open for an editor, so no panel misconfiguration reaches users."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import get_page_models

from core.groups import EDITORS
from testsupport import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "quantri", "qt@example.invalid", "mat-khau-du-dai-3"
    )
    client.force_login(user)
    return client


def test_the_admin_is_in_vietnamese(admin_client, home):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'lang="vi"' in html


@pytest.mark.parametrize(
    "model",
    [m for m in get_page_models() if m._meta.app_label in {"portal", "sitewide", "news"}],
    ids=lambda m: m.__name__,
)
def test_create_form_opens_for_each_page_type(admin_client, home, news_section, model):
    parents = {
        "HomePage": None,
        "SectionPage": news_section,
        "ArticlePage": news_section,
        "StandardPage": home,
    }
    parent = parents.get(model.__name__)
    if parent is None:
        pytest.skip("home pages are created once per language, not from the admin")
    url = reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )
    assert admin_client.get(url).status_code == 200


def test_article_edit_form_opens_for_an_editor(client, django_user_model, news_section):
    editor = django_user_model.objects.create_user("bt2", password="mat-khau-du-dai-4")
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    article = make_article(news_section, "Tin để sửa")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert response.status_code == 200
    assert "Sa pô" in response.content.decode() or "sa pô" in response.content.decode()

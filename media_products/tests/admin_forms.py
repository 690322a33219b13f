"""Posting the real Wagtail page editor: the form as the browser would send it, plus our changes."""

from typing import Any

from django.http import QueryDict
from django.urls import reverse
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

__all__ = ["editor_form", "post_action", "rich_text", "stream"]


def stream(name: str, items: list[tuple[str, Any]]) -> dict[str, Any]:
    return nested_form_data({name: streamfield(items)})


def editor_form(client: Any, url: str, **changes: Any) -> QueryDict:
    """The editor's form fields as rendered (hidden choosers, rich text JSON), with `changes` applied."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for key in [k for k in data if "__prefix__" in k]:
        del data[key]
    for key, value in {
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }.items():
        data.setdefault(key, value)
    for key, value in changes.items():
        data[key] = value
    return data


def post_action(client: Any, url: str, data: QueryDict, action: str) -> Any:
    """POST the editor form with a button: "publish", "submit" (to moderation) or "draft"."""
    data = data.copy()
    if action != "draft":
        data[f"action-{action}"] = "1"
    return client.post(url, data)


def edit_url(page: Any) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def add_url(model: Any, parent: Any) -> str:
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )

"""Template tags: the "was this page useful?" form, and its figures in the editor's side panel."""

from typing import Any

from django import template

from participation.forms import UsefulForm
from participation.useful import page_useful_figures as _page_figures

register = template.Library()


@register.inclusion_tag("participation/_useful_form.html")
def useful_form(page: Any) -> dict[str, Any]:
    return {"page": page, "form": UsefulForm(prefix=UsefulForm.PREFIX)}


@register.simple_tag
def page_useful_figures(page: Any) -> dict[str, Any]:
    return _page_figures(page.pk)

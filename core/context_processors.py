"""Template context every page needs."""

from typing import Any

from django.http import HttpRequest

from core.display import DisplaySettings


def display_settings(request: HttpRequest) -> dict[str, Any]:
    return {"display": DisplaySettings.from_request(request)}

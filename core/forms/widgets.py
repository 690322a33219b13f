"""Form widgets whose rendered markup stays valid HTML whatever a reader typed."""

from datetime import date, datetime
from typing import Any

from django import forms

# What the portal's date fields accept (ISO from date pickers, day/month/year typed by hand).
DATE_INPUT_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")


class IsoDateInput(forms.DateInput):
    """`<input type="date">` whose value is always a valid date string (YYYY-MM-DD) or empty.

    A bound form echoes what was sent, and `value="32/13/2026"` (or even a valid "25/12/2026") on a
    date input is invalid HTML, which browsers drop anyway. A date that parses is shown in ISO
    form; one that does not is left empty, and the field's error message says what was wrong.
    """

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, datetime):
            return value.date().isoformat()
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, str) and value.strip():
            for pattern in DATE_INPUT_FORMATS:
                try:
                    return datetime.strptime(value.strip(), pattern).date().isoformat()
                except ValueError:
                    continue
        return None

"""Spam without a picture CAPTCHA (blind readers cannot solve one): checks a person never notices.

- a honeypot field, hidden from everyone by CSS and from assistive technology, that only a
  form-filling bot fills in;
- a signed timestamp: a post within `MIN_FILL_SECONDS` of the form being rendered, or from a form
  older than `MAX_FORM_AGE_SECONDS`, is refused (on a page from the page cache the clock starts
  when the page was rendered, so the minimum is a lower bound there);
- a limit on length and on the number of links.
A bot that trips the honeypot or the timing gets the same "received" answer as a person, with
no reference and nothing stored, so it learns nothing to adapt to.
"""

import re
import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from .conf import setting

SALT = "participation.form-started"
LINK = re.compile(r"(https?://|www\.)", re.IGNORECASE)
HONEYPOT_NAME = "website"


def started_token() -> str:
    return signing.dumps(int(time.time()), salt=SALT)


def too_many_links(text: str) -> bool:
    return len(LINK.findall(text or "")) > setting("MAX_LINKS")


class SpamGuardForm(forms.Form):
    """Adds the honeypot and the timestamp; `looks_automated` is read after `is_valid()`."""

    website = forms.CharField(
        label=_("Để trống ô này"), required=False, max_length=200, widget=forms.TextInput()
    )
    started = forms.CharField(widget=forms.HiddenInput(), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["started"].initial = started_token()
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.looks_automated = False
        self.expired = False

    def clean(self):
        data = super().clean()
        if data.get(HONEYPOT_NAME):
            self.looks_automated = True
        try:
            started = signing.loads(
                data.get("started") or "", salt=SALT, max_age=setting("MAX_FORM_AGE_SECONDS")
            )
        except signing.SignatureExpired:
            self.expired = True
            raise forms.ValidationError(
                _("Biểu mẫu đã mở quá lâu. Nội dung của bạn vẫn còn dưới đây: hãy gửi lại."),
                code="expired",
            ) from None
        except signing.BadSignature:
            self.looks_automated = True
            return data
        if time.time() - started < setting("MIN_FILL_SECONDS"):
            self.looks_automated = True
        return data

    def check_links(self, name: str) -> str:
        value = self.cleaned_data.get(name, "")
        if too_many_links(value):
            raise forms.ValidationError(
                _("Nội dung có quá nhiều đường dẫn (tối đa %(max)d)."),
                code="links",
                params={"max": setting("MAX_LINKS")},
            )
        return value

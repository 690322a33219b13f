"""Wagtail's sign-in form with every word in Vietnamese.

Wagtail 8's form leaves the password label to Django's field-name default ("Password", never
translated) and builds the username placeholder from a Vietnamese translation that runs two words
together; WAGTAILADMIN_USER_LOGIN_FORM (a documented setting) lets the portal name both.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

__all__ = ["PortalLoginForm"]


class PortalLoginForm(LoginForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Tên đăng nhập")
        self.fields["username"].widget.attrs["placeholder"] = _("Nhập tên đăng nhập")
        self.fields["password"].label = _("Mật khẩu")
        self.fields["remember"].label = _("Ghi nhớ đăng nhập")

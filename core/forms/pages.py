"""The admin page form that lets a draft be incomplete but never publishes a barrier."""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminPageForm


class PublishGuardForm(WagtailAdminPageForm):
    """Runs the page type's accessibility checks on submit and publish, not on "save draft".

    Wagtail defers required-field validation when an editor saves a draft; the same switch lets
    an editor save half-finished work (a video still waiting for its captions) while refusing to
    send it to moderation or publish it.
    """

    def clean(self):
        cleaned_data = super().clean()
        if getattr(self, "is_deferred_validation", False):
            return cleaned_data
        problems = type(self.instance).publishing_problems(cleaned_data)
        for field_name, message in problems.items():
            if field_name in self.fields:
                self.add_error(field_name, ValidationError(message))
            else:
                self.add_error(None, ValidationError(message))
        return cleaned_data

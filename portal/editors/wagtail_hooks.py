"""Admin hooks for editors: slug widget that writes Vietnamese."""

from django.db import models
from wagtail.admin.forms.models import register_form_field_override

from portal.editors.widgets import VietnameseSlugInput

# Every admin form's slug field (pages, snippets) transliterates Vietnamese as the editor types;
# registered after Wagtail's own SlugField override, so this one is used.
register_form_field_override(models.SlugField, override={"widget": VietnameseSlugInput})

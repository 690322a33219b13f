"""The rich-text features the templates style accessibly (the list is a setting,
`PORTAL_BODY_RICH_TEXT_FEATURES`, because Wagtail's default editor needs it too).

Headings come from HeadingBlock (with an explicit level); no h1 and no underline in body text,
because an underline reads as a link to sighted readers.
"""

from django.conf import settings

BODY_RICH_TEXT_FEATURES: list[str] = list(settings.PORTAL_BODY_RICH_TEXT_FEATURES)

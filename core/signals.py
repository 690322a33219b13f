"""Signals the layers above listen to, so that core and the content apps never import them."""

from django.dispatch import Signal

# Sent by bulk loaders (the demo seeder, imports) that write live pages without Wagtail's
# `page_published`, with `pages`: the live pages written. The site search indexes them.
pages_bulk_published = Signal()

"""Rendition specs the templates use, in one place so they can be pre-generated and prefetched."""

CARD_FILTER = "fill-640x360"
HERO_FILTER = "width-1280"
SOCIAL_FILTER = "fill-1200x630"
INLINE_FILTER = "width-960"
WIDE_FILTER = "width-1920"  # e-magazines: the cover and full-width images

# Every spec a reader's page asks for; renditions for these are made when an image is saved
# or a page is published, never on a reader's first view.
PAGE_RENDITION_FILTERS = (CARD_FILTER, HERO_FILTER, SOCIAL_FILTER)

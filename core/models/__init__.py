from .base import BasePage, StoryPage
from .images import PortalImage, PortalRendition
from .site_settings import SiteSettings

__all__ = [
    "BasePage",
    "PortalImage",
    "PortalRendition",
    "SiteSettings",
    "StoryPage",
]

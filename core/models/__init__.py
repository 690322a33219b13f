from sitewide.search.models import SearchEntry

from .base import BasePage
from .images import PortalImage, PortalRendition
from .pages import HomeFeaturedItem, HomePage, StandardPage
from .site_settings import SiteSettings

__all__ = [
    "BasePage",
    "HomeFeaturedItem",
    "HomePage",
    "PortalImage",
    "PortalRendition",
    "SearchEntry",
    "SiteSettings",
    "StandardPage",
]

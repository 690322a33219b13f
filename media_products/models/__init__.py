from .files import CaptionTrack, PodcastSeries, PortalMedia
from .index import MediaIndexPage
from .products import (
    AudioPage,
    EMagazinePage,
    InfographicPage,
    MediaProductPage,
    PhotoStoryPage,
    VideoCaption,
    VideoPage,
    product_models,
)

__all__ = [
    "AudioPage",
    "CaptionTrack",
    "EMagazinePage",
    "InfographicPage",
    "MediaIndexPage",
    "MediaProductPage",
    "PhotoStoryPage",
    "PodcastSeries",
    "PortalMedia",
    "VideoCaption",
    "VideoPage",
    "product_models",
]

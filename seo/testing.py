"""For tests in any app: what the sitemap lists, read as a crawler reads it (index, then parts)."""

import re
from xml.etree import ElementTree

from django.test import Client

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_part_paths(client: Client) -> list[str]:
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    return [re.sub(r"^https?://[^/]+", "", loc.text or "") for loc in index.iter(f"{SITEMAP}loc")]


def sitemap_locations(client: Client) -> list[str]:
    """Every `<loc>` of every part the index names."""
    found: list[str] = []
    for path in sitemap_part_paths(client):
        part = ElementTree.fromstring(client.get(path).content)
        found.extend(loc.text or "" for loc in part.iter(f"{SITEMAP}loc"))
    return found

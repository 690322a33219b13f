"""Reading a page's JSON-LD and checking the properties each schema.org type requires."""

import json
import re
from typing import Any

BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
ISO_DURATION = re.compile(r"^PT(\d+H)?(\d+M)?(\d+S)?$")

# Properties a consumer needs, after Google Search Central's structured-data guides and schema.org.
REQUIRED = {
    "NewsArticle": {"headline", "url", "datePublished", "dateModified", "author", "publisher"},
    "VideoObject": {"name", "description", "thumbnailUrl", "uploadDate", "contentUrl", "duration"},
    "PodcastEpisode": {"name", "url", "datePublished", "associatedMedia", "partOfSeries"},
    "ImageGallery": {"name", "url", "associatedMedia"},
    "Legislation": {
        "name",
        "legislationIdentifier",
        "legislationType",
        "legislationDate",
        "legislationLegalForce",
        "legislationJurisdiction",
    },
    "BreadcrumbList": {"itemListElement"},
    "WebSite": {"name", "url", "potentialAction", "publisher"},
    "GovernmentOrganization": {"name"},
}
# Properties a node needs in a given role: the publisher must say who and where the ministry is.
ROLE_REQUIRED = {"publisher": {"name", "url", "logo", "address"}}


def graph(html: str) -> list[dict[str, Any]]:
    blocks = BLOCK.findall(html)
    assert len(blocks) == 1, "one JSON-LD block per page"
    document = json.loads(blocks[0])
    assert document["@context"] == "https://schema.org"
    return document["@graph"]


def node(html: str, kind: str) -> dict[str, Any]:
    found = [n for n in graph(html) if n["@type"] == kind]
    assert len(found) == 1, f"one {kind} in {[n['@type'] for n in graph(html)]}"
    return found[0]


def assert_valid(item: dict[str, Any], role: str = "") -> None:
    """The type's required properties are present and non-empty, recursively for known types."""
    required = REQUIRED.get(item["@type"], set()) | ROLE_REQUIRED.get(role, set())
    missing = required - {k for k, v in item.items() if v}
    assert not missing, f"{item['@type']} lacks {sorted(missing)}"
    for key, value in item.items():
        if key in ("url", "contentUrl", "thumbnailUrl", "item", "mainEntityOfPage"):
            assert str(value).startswith(("http://", "https://")), (key, value)
        if key == "duration":
            assert ISO_DURATION.match(value), value
        for child in value if isinstance(value, list) else [value]:
            if isinstance(child, dict) and "@type" in child:
                assert_valid(child, key)

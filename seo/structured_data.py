"""schema.org descriptions of pages as JSON-LD: what a search engine or a portal aggregator reads.

Builders take plain values and return dicts, so each type's required properties are tested
without a page; `seo/page_data.py` feeds them from the page being served. The result is written
as a `<script type="application/ld+json">` data block: browsers never execute it, so the strict
Content-Security-Policy (`script-src 'self'`, no inline script) needs no exception.
"""

import json
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import SafeString, mark_safe

SCHEMA = "https://schema.org"
COUNTRY = "VN"
# schema.org's LegalForceStatus values, by the portal's derived status of a legal document.
LEGAL_FORCE = {
    "in_force": "InForce",
    "partially_in_force": "PartiallyInForce",
    "not_in_force": "NotInForce",
}
# Inside a <script> element "</script>" or "<!--" would end or confuse the data block.
_SCRIPT_SAFE = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}

Node = dict[str, Any]


def _clean(node: Node) -> Node:
    """Drop empty values: an empty property is worse than none for a validator."""
    return {key: value for key, value in node.items() if value not in (None, "", [], {})}


def iso_duration(seconds: float | None) -> str | None:
    """ISO 8601 duration (PT1H2M3S), as schema.org's `duration` expects."""
    if not seconds or seconds <= 0:
        return None
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [
        f"{hours}H" if hours else "",
        f"{minutes}M" if minutes else "",
        f"{secs}S" if secs else "",
    ]
    return "PT" + ("".join(parts) or "0S")


def image_object(
    url: str, caption: str = "", width: int | None = None, height: int | None = None
) -> Node:
    """An image with its alt text as `caption` (the words a blind reader hears for it)."""
    return _clean(
        {
            "@type": "ImageObject",
            "url": url,
            "contentUrl": url,
            "caption": caption,
            "width": width,
            "height": height,
        }
    )


def publisher(
    name: str,
    url: str,
    logo_url: str = "",
    street_address: str = "",
    telephone: str = "",
    email: str = "",
) -> Node:
    """The ministry as a GovernmentOrganization, from the site settings."""
    address = _clean(
        {"@type": "PostalAddress", "streetAddress": street_address, "addressCountry": COUNTRY}
    )
    contact = _clean(
        {
            "@type": "ContactPoint",
            "contactType": "customer service",
            "telephone": telephone,
            "email": email,
        }
    )
    return _clean(
        {
            "@type": "GovernmentOrganization",
            "@id": url + "#publisher",
            "name": name,
            "url": url,
            "logo": image_object(logo_url) if logo_url else None,
            "address": address,
            "contactPoint": contact if len(contact) > 2 else None,
        }
    )


def breadcrumb_list(trail: Iterable[tuple[str, str]]) -> Node:
    """The visible breadcrumbs, home first, the page itself last."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def website(name: str, url: str, language: str, search_url: str, publisher_node: Node) -> Node:
    """The site on its home page, with the search box a search engine may offer (`SearchAction`)."""
    return {
        "@type": "WebSite",
        "name": name,
        "url": url,
        "inLanguage": language,
        "publisher": publisher_node,
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": search_url + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def creative_work(
    kind: str,
    name: str,
    url: str,
    language: str,
    description: str = "",
    published: datetime | date | None = None,
    modified: datetime | date | None = None,
    image: Node | None = None,
    publisher_node: Node | None = None,
    **extra: Any,
) -> Node:
    """What every described page shares; `kind` is its schema.org type."""
    return _clean(
        {
            "@type": kind,
            "name": name,
            "url": url,
            "mainEntityOfPage": url,
            "inLanguage": language,
            "description": description,
            "datePublished": published,
            "dateModified": modified,
            "image": image,
            "publisher": publisher_node,
            **extra,
        }
    )


def news_article(
    headline: str,
    url: str,
    language: str,
    description: str,
    published: datetime | None,
    modified: datetime | None,
    author: str,
    image: Node | None,
    publisher_node: Node,
) -> Node:
    # A named author is a Person; an unsigned article is the ministry's own.
    author_node = {"@type": "Person", "name": author} if author else publisher_node
    return creative_work(
        "NewsArticle",
        headline,
        url,
        language,
        description,
        published,
        modified or published,
        image,
        publisher_node,
        headline=headline[:110],
        author=author_node,
    )


def caption_file(url: str, language: str) -> Node:
    return {
        "@type": "MediaObject",
        "contentUrl": url,
        "encodingFormat": "text/vtt",
        "inLanguage": language,
    }


def video_object(
    name: str,
    url: str,
    language: str,
    description: str,
    thumbnail_url: str,
    upload_date: datetime | None,
    duration_seconds: float | None,
    content_url: str,
    captions: list[Node],
    transcript: str,
    publisher_node: Node | None = None,
) -> Node:
    return creative_work(
        "VideoObject",
        name,
        url,
        language,
        description,
        published=upload_date,
        publisher_node=publisher_node,
        thumbnailUrl=thumbnail_url,
        uploadDate=upload_date,
        duration=iso_duration(duration_seconds),
        contentUrl=content_url,
        caption=captions,
        transcript=transcript,
    )


def podcast_episode(
    name: str,
    url: str,
    language: str,
    description: str,
    published: datetime | None,
    episode_number: int | None,
    series_name: str,
    content_url: str,
    duration_seconds: float | None,
    encoding_format: str,
    transcript: str,
    publisher_node: Node | None = None,
) -> Node:
    audio = _clean(
        {
            "@type": "AudioObject",
            "contentUrl": content_url,
            "duration": iso_duration(duration_seconds),
            "encodingFormat": encoding_format,
            "transcript": transcript,
        }
    )
    return creative_work(
        "PodcastEpisode",
        name,
        url,
        language,
        description,
        published,
        publisher_node=publisher_node,
        episodeNumber=episode_number,
        partOfSeries={"@type": "PodcastSeries", "name": series_name} if series_name else None,
        associatedMedia=audio,
        timeRequired=iso_duration(duration_seconds),
    )


def legislation(
    name: str,
    url: str,
    language: str,
    identifier: str,
    legislation_type: str,
    date_passed: date | None,
    date_in_force: date | None,
    legal_force: str,
    passed_by: str,
    date_expired: date | None = None,
) -> Node:
    """A legal document (the documents library): number, type, dates, force, jurisdiction VN.

    `legal_force` is the library's derived status (`in_force`, `partially_in_force`,
    `not_in_force`); anything else is left out rather than guessed.
    """
    force = LEGAL_FORCE.get(legal_force)
    return creative_work(
        "Legislation",
        name,
        url,
        language,
        legislationIdentifier=identifier,
        legislationType=legislation_type,
        legislationDate=date_passed,
        legislationDateOfApplicability=date_in_force,
        legislationLegalForce=f"{SCHEMA}/{force}" if force else None,
        legislationJurisdiction=COUNTRY,
        legislationPassedBy={"@type": "GovernmentOrganization", "name": passed_by}
        if passed_by
        else None,
        expires=date_expired,
    )


def as_script(nodes: list[Node]) -> SafeString:
    """The nodes as one JSON-LD data block, safe inside HTML."""
    if not nodes:
        return mark_safe("")
    document = {"@context": SCHEMA, "@graph": nodes}
    text = json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    # Safe: every "<", ">" and "&" of the JSON is escaped above, so nothing ends the element.
    return mark_safe(f'<script type="application/ld+json">{text.translate(_SCRIPT_SAFE)}</script>')

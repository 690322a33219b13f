"""Demo documents library: 63 composed documents of every type and status, with relations and files.

`ensure_documents(..., count=N)` makes the Vietnamese index hold at least N documents: the
composed set first, then plain generated ones written in bulk (10,000 in under a minute).
"""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Locale, Page

from documents.demo import texts
from documents.demo.bulk import bulk_create_documents
from documents.demo.files import docx, scanned_pdf, text_pdf
from documents.keys import unaccent
from documents.models import (
    ArticleDocumentLink,
    DocumentField,
    DocumentFile,
    DocumentIndexPage,
    DocumentRelation,
    DocumentType,
    IssuingBody,
    LegalDocumentPage,
    PublicInformationItem,
    PublicInformationPage,
)
from documents.status import AMENDS, GUIDES, REPLACES
from news.demo.articles import ensure_child, publish

Log = Callable[[str], None]
SHOWCASE_SLUG = "trinh-bay-moi-loai-noi-dung"
ENGLISH_DOCUMENTS = 8


def ensure_lists() -> dict[str, dict[str, Any]]:
    """The snippet lists, by slug (created once; editors may rename them later)."""
    types = {
        slug: DocumentType.objects.get_or_create(
            slug=slug, defaults={"name": vi, "name_en": en, "sort_order": order}
        )[0]
        for order, (slug, vi, en, _symbol) in enumerate(texts.TYPES)
    }
    fields = {
        slug: DocumentField.objects.get_or_create(
            slug=slug, defaults={"name": vi, "name_en": en, "sort_order": order}
        )[0]
        for order, (slug, vi, en) in enumerate(texts.FIELDS)
    }
    issuers = {
        slug: IssuingBody.objects.get_or_create(
            slug=slug, defaults={"name": vi, "name_en": en, "sort_order": order}
        )[0]
        for order, (slug, vi, en) in enumerate(texts.ISSUERS)
    }
    return {"type": types, "field": fields, "issuer": issuers}


def ensure_documents(home_vi: Page, home_en: Page, count: int, log: Log) -> DocumentIndexPage:
    lists = ensure_lists()
    index = ensure_child(
        home_vi,
        DocumentIndexPage,
        "van-ban",
        title="Văn bản",
        show_in_menus=True,
        intro="Văn bản quy phạm pháp luật, chỉ đạo, điều hành, kế hoạch và báo cáo của Bộ.",
    )
    if not LegalDocumentPage.objects.child_of(index).exists():
        composed = compose_library(index, lists)
        log(f"Văn bản: {len(composed)} văn bản mẫu có quan hệ và tệp đính kèm.")
        _link_showcase_article(composed)
    info = _ensure_public_information(index)
    _ensure_english(index, info, home_en.locale)
    existing = LegalDocumentPage.objects.child_of(index).count()
    if count > existing:
        log(f"Tạo thêm {count - existing} văn bản (đã có {existing}).")
        bulk_create_documents(index, count - existing, lists)
    return index


class _Composer:
    """Numbers, dates and texts for the composed documents, one counter per type."""

    def __init__(self, index: DocumentIndexPage, lists: dict[str, dict[str, Any]]) -> None:
        self.index = index
        self.lists = lists
        self.today = timezone.localdate()
        self.counters: dict[str, int] = {}
        self.subject = 0

    def number(self, type_slug: str, issued: date) -> str:
        symbol = {s: sym for s, _vi, _en, sym in texts.TYPES}[type_slug]
        self.counters[type_slug] = self.counters.get(type_slug, 0) + 1
        n = 10 + 7 * self.counters[type_slug]
        if not symbol:
            return ""
        if type_slug == "cong-van":
            return f"{n * 31}/{symbol}"
        return f"{n}/{issued.year}/{symbol}"

    def make(
        self,
        type_slug: str,
        issued_days_ago: int,
        effective_days_ago: int,
        expires_days_ago: int | None = None,
        relations: list[tuple[str, LegalDocumentPage]] = (),
        full_text: bool = False,
        files: list[tuple[str, str, bytes]] = (),
    ) -> LegalDocumentPage:
        vi_subject, _en, field_slug = texts.SUBJECTS[self.subject % len(texts.SUBJECTS)]
        self.subject += 1
        opening, _opening_en = texts.TITLE_OPENING[type_slug]
        issued = self.today - timedelta(days=issued_days_ago)
        number = self.number(type_slug, issued)
        title = f"{opening} {vi_subject}"
        slug = f"{type_slug}-{self.subject:03d}"
        page = LegalDocumentPage(
            title=title[0].upper() + title[1:],
            slug=slug,
            number=number,
            lead=texts.SUMMARY.format(opening=opening, subject=vi_subject),
            document_type=self.lists["type"][type_slug],
            issuer=self.lists["issuer"][texts.ISSUER_OF_TYPE.get(type_slug, "bo")],
            field=self.lists["field"][field_slug],
            signer=texts.SIGNERS[self.subject % len(texts.SIGNERS)][0],
            signer_position=texts.SIGNERS[self.subject % len(texts.SIGNERS)][1],
            issued_on=issued,
            effective_from=self.today - timedelta(days=effective_days_ago),
            expires_on=None
            if expires_days_ago is None
            else self.today - timedelta(days=expires_days_ago),
            publication_date=timezone.make_aware(
                timezone.datetime.combine(issued, timezone.datetime.min.time())
            ),
            full_text=_articles(vi_subject) if full_text else [],
        )
        for kind, target in relations:
            page.relations.add(DocumentRelation(kind=kind, target=target))
        for kind, name, data in files:
            page.files.add(DocumentFile(kind=kind, file=ContentFile(data, name=name)))
        self.index.add_child(instance=page)
        return publish(page)


def _articles(subject: str) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = [
        {"type": "heading", "value": {"text": "Chương I. Quy định chung", "level": "h2"}}
    ]
    for number, title, clauses in texts.ARTICLES:
        blocks.append(
            {
                "type": "article",
                "value": {
                    "number": number,
                    "title": title,
                    "clauses": [f"<p>{c.format(subject=subject)}</p>" for c in clauses],
                },
            }
        )
    return blocks


def _articles_en(subject: str) -> list[dict[str, Any]]:
    clauses = [
        ("Article 1", "Scope", [f"This document regulates {subject}."]),
        (
            "Article 2",
            "Who it applies to",
            ["State agencies.", "Organisations and individuals concerned."],
        ),
        ("Article 3", "Entry into force", ["This document enters into force on signature."]),
    ]
    blocks: list[dict[str, Any]] = [
        {"type": "heading", "value": {"text": "Chapter I. General provisions", "level": "h2"}}
    ]
    for number, title, items in clauses:
        blocks.append(
            {
                "type": "article",
                "value": {
                    "number": number,
                    "title": title,
                    "clauses": [f"<p>{c}</p>" for c in items],
                },
            }
        )
    return blocks


def _pdf_for(number: str, title: str) -> bytes:
    ascii_title = unaccent(title)
    return text_pdf([f"So: {unaccent(number)}", ascii_title[:80], ascii_title[80:160]])


def compose_library(index: DocumentIndexPage, lists: dict[str, dict[str, Any]]) -> list[Any]:
    """Seven documents a type: every status, with the documents that amend and replace."""
    composer = _Composer(index, lists)
    made: list[LegalDocumentPage] = []
    previous_in_force: LegalDocumentPage | None = None
    for position, (type_slug, _vi, _en, _symbol) in enumerate(texts.TYPES):
        offset = position * 11
        # Not yet in force: issued last week, in force next month.
        made.append(composer.make(type_slug, 7 + position, -30 - position))
        # Expired by its own date.
        made.append(
            composer.make(type_slug, 1100 + offset, 1090 + offset, expires_days_ago=30 + offset)
        )
        amended = composer.make(type_slug, 700 + offset, 690 + offset, full_text=True)
        replaced = composer.make(type_slug, 1500 + offset, 1490 + offset)
        # The amending and the replacing documents are themselves in force.
        amending = composer.make(
            type_slug, 180 + offset, 170 + offset, relations=[(AMENDS, amended)], full_text=True
        )
        title = f"{texts.TITLE_OPENING[type_slug][0]} (thay thế)"
        files = [
            ("ban-ky-so", f"{type_slug}-ban-ky-so.pdf", _pdf_for(title, title)),
            ("ban-word", f"{type_slug}-ban-word.docx", docx(title)),
        ]
        replacing = composer.make(
            type_slug,
            300 + offset,
            290 + offset,
            relations=[(REPLACES, replaced)],
            full_text=True,
            files=files,
        )
        relations = [(GUIDES, previous_in_force)] if previous_in_force is not None else []
        # In force, with a scanned signed copy: readable because its full text is on the page.
        in_force = composer.make(
            type_slug,
            60 + offset,
            45 + offset,
            relations=relations,
            full_text=True,
            files=[("ban-ky-so", f"{type_slug}-ban-quet.pdf", scanned_pdf())],
        )
        previous_in_force = in_force
        made += [amended, replaced, amending, replacing, in_force]
    return made


def _link_showcase_article(documents: list[LegalDocumentPage]) -> None:
    from news.models import ArticlePage

    article = ArticlePage.objects.filter(slug=SHOWCASE_SLUG).first()
    if article is None or article.document_links.exists():
        return
    for order, document in enumerate(documents[2:5]):
        article.document_links.add(ArticleDocumentLink(document=document, sort_order=order))
    publish(article)


def _ensure_public_information(index: DocumentIndexPage) -> PublicInformationPage:
    existing = index.get_children().filter(slug="thong-tin-cong-khai").first()
    if existing is not None:
        return existing.specific
    page = PublicInformationPage(
        slug="thong-tin-cong-khai",
        title="Danh mục thông tin phải công khai",
        intro=(
            "Theo Điều 17 và Điều 19 Luật Tiếp cận thông tin 2016, Bộ công khai các nhóm thông tin "
            "dưới đây trên cổng thông tin điện tử. Mỗi nhóm dẫn tới nơi đăng thông tin đó."
        ),
    )
    for order, (title, _en, basis, query) in enumerate(texts.PUBLIC_INFORMATION):
        page.items.add(
            PublicInformationItem(
                title=title, legal_basis=basis, page=index, query=query, sort_order=order
            )
        )
    index.add_child(instance=page)
    return publish(page)


def _ensure_english(index: DocumentIndexPage, info: PublicInformationPage, locale: Locale) -> None:
    index_en = index.get_translation_or_none(locale)
    if index_en is None:
        index_en = index.copy_for_translation(locale)
        index_en.title, index_en.slug = "Documents", "documents"
        index_en.intro = "The Ministry's legal documents, directions, plans and reports."
        publish(index_en)
    if info.get_translation_or_none(locale) is None:
        info_en = info.copy_for_translation(locale)
        info_en.title, info_en.slug = "Information we must publish", "public-information"
        info_en.intro = (
            "Under Articles 17 and 19 of the 2016 Law on Access to Information, the Ministry "
            "publishes the categories below on its portal. Each links to where it is published."
        )
        for item, (_vi, title_en, basis, _query) in zip(
            info_en.items.all(), texts.PUBLIC_INFORMATION, strict=False
        ):
            item.title, item.legal_basis = title_en, basis
            item.page = index_en
        publish(info_en)
    _translate_documents(index, locale)


def _translate_documents(index: DocumentIndexPage, locale: Locale) -> None:
    """The first documents in English (titles and summaries translated, relations kept within English)."""
    sources = list(LegalDocumentPage.objects.child_of(index).order_by("path")[:ENGLISH_DOCUMENTS])
    for source in sources:
        if source.get_translation_or_none(locale) is not None:
            continue
        translation = source.copy_for_translation(locale)
        en_subject = next(en for vi, en, _f in texts.SUBJECTS if vi in source.title)
        opening_en = texts.TITLE_OPENING[source.document_type.slug][1]
        translation.title = f"{opening_en} {en_subject}"
        translation.lead = texts.SUMMARY_EN.format(opening=opening_en, subject=en_subject)
        translation.full_text = _articles_en(en_subject) if source.full_text else []
        for relation in list(translation.relations.all()):
            target_en = relation.target.get_translation_or_none(locale)
            if target_en is None:
                translation.relations.remove(relation)
            else:
                relation.target = target_en.specific
        publish(translation)

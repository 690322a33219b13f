"""Demo participation content: answered questions, an open and a closed draft with its summary.

Called from `seed_demo` (sitewide/demo); idempotent like the rest of the demo. The people are
invented and their e-mail addresses use the reserved example.vn domain.
"""

from collections.abc import Callable
from datetime import timedelta

from django.utils import timezone
from wagtail.models import Page

from news.demo.articles import ensure_child

from .models import (
    ConsultationIndexPage,
    DraftComment,
    DraftConsultationPage,
    Question,
    QuestionIndexPage,
    Topic,
)

Log = Callable[[str], None]

PRIVACY_VI = (
    "Bộ chỉ thu thập họ tên, thư điện tử và số điện thoại (không bắt buộc) khi bạn gửi câu hỏi "
    "hoặc góp ý dự thảo, để xử lý và trả lời bạn. Công khai chỉ có tên viết tắt.",
    "Dữ liệu được lưu đến 365 ngày sau khi trả lời hoặc hết hạn lấy ý kiến, rồi bị xóa. Bạn có "
    "thể rút nội dung chưa được xử lý bằng đường dẫn trong thư xác nhận.",
)
PRIVACY_EN = (
    "The ministry collects your name, e-mail and (optionally) phone number only when you send a "
    "question or a comment on a draft, to handle and answer it. Only your initials are published.",
    "The data is kept for up to 365 days after the answer or the end of the consultation, then "
    "erased. You can withdraw an unanswered submission with the link in the acknowledgement.",
)

# (topic, asker, question, answer paragraphs)
QUESTIONS_VI = [
    (
        Topic.DIGITAL,
        "Trần Thị Mai",
        "Tôi làm kế toán cho một hợp tác xã nhỏ. Chữ ký số cá nhân của tôi có dùng được để ký "
        "hóa đơn điện tử của hợp tác xã không, hay phải đăng ký chữ ký số riêng cho tổ chức?",
        [
            "Hóa đơn điện tử của hợp tác xã phải được ký bằng chữ ký số của chính tổ chức đó.",
            "Chữ ký số cá nhân của kế toán chỉ dùng cho các văn bản chị ký với tư cách cá nhân. "
            "Hợp tác xã cần đăng ký chứng thư chữ ký số cho tổ chức với một đơn vị cung cấp dịch "
            "vụ chứng thực chữ ký số đã được cấp phép.",
        ],
    ),
    (
        Topic.TELECOM,
        "Lê Văn Hùng",
        "Thuê bao di động của bố tôi (đã 80 tuổi) đứng tên tôi. Làm thế nào để chuyển sang tên "
        "bố mà không phải đổi số?",
        [
            "Anh và bố cùng mang giấy tờ tùy thân tới điểm giao dịch của nhà mạng để làm thủ tục "
            "chuyển quyền sử dụng thuê bao. Số thuê bao được giữ nguyên.",
            "Nếu bố anh không đi lại được, nhiều nhà mạng cho phép xác thực qua ứng dụng bằng "
            "căn cước điện tử; anh có thể hỏi tổng đài của nhà mạng.",
        ],
    ),
    (
        Topic.PROCEDURES,
        "Phạm Quốc Bảo",
        "Hồ sơ nộp trực tuyến trên Cổng dịch vụ công bị trả lại vì “tệp đính kèm không đọc "
        "được”. Tôi đã gửi tệp PDF. Tôi cần làm gì?",
        [
            "Hệ thống nhận tệp PDF dưới 10 MB không đặt mật khẩu. Tệp quét bằng điện thoại đôi "
            "khi được lưu thành ảnh có đuôi .pdf nhưng không đúng định dạng.",
            "Ông hãy xuất lại tệp bằng chức năng “Lưu thành PDF” và nộp bổ sung trong hạn ghi "
            "trên thông báo trả hồ sơ.",
        ],
    ),
    (
        Topic.IT,
        "Nguyễn Hoàng Yến",
        "Trường tôi muốn đưa phần mềm quản lý học sinh lên điện toán đám mây. Có quy định nào "
        "về nơi lưu trữ dữ liệu cá nhân của học sinh không?",
        [
            "Dữ liệu cá nhân của học sinh là dữ liệu cá nhân theo Luật Bảo vệ dữ liệu cá nhân. "
            "Nhà trường là bên kiểm soát dữ liệu và phải đánh giá tác động trước khi xử lý.",
            "Khi thuê dịch vụ đám mây, hợp đồng cần ghi rõ nơi lưu trữ, biện pháp bảo vệ và "
            "trách nhiệm của nhà cung cấp.",
        ],
    ),
]
QUESTIONS_EN = [
    (
        Topic.DIGITAL,
        "Daniel Moreau",
        "I run a small export business from Da Nang. Can a foreign-owned company register for "
        "the national e-invoice system online?",
        [
            "Yes. Foreign-owned companies register online like any other enterprise, using the "
            "company's digital signature certificate.",
        ],
    ),
    (
        Topic.PROCEDURES,
        "Aiko Tanaka",
        "Is there an English version of the online public services portal?",
        [
            "Most forms are in Vietnamese only. The ministry publishes English guides for the "
            "procedures foreign businesses use most; more are being translated.",
        ],
    ),
]

ARTICLES_VI = [
    (
        "Phạm vi điều chỉnh",
        "Thông tư này quy định việc sử dụng chữ ký số trên văn bản điện tử của cơ quan nhà nước.",
    ),
    (
        "Đối tượng áp dụng",
        "Thông tư áp dụng với cơ quan, tổ chức, cá nhân gửi, nhận văn bản điện tử với cơ quan nhà nước.",
    ),
    (
        "Hiệu lực của văn bản ký số",
        "Văn bản điện tử được ký số hợp lệ có giá trị như văn bản giấy có chữ ký và đóng dấu.",
    ),
]
ARTICLES_EN = [
    (
        "Scope",
        "This circular governs the use of digital signatures on electronic documents of state bodies.",
    ),
    (
        "Who it applies to",
        "Bodies, organisations and people exchanging electronic documents with state bodies.",
    ),
    (
        "Validity of signed documents",
        "A validly signed electronic document is worth a signed and stamped paper one.",
    ),
]


def ensure_participation(
    home_vi: Page, home_en: Page, privacy: Page, privacy_en: Page, log: Log
) -> None:
    """The questions and drafts pages, their privacy notice (`PRIVACY_VI`, `PRIVACY_EN`) made by
    the site-wide demo as an information page, which this app does not know."""
    qa_vi = ensure_child(
        home_vi,
        QuestionIndexPage,
        "hoi-dap",
        title="Hỏi đáp",
        show_in_menus=True,
        intro="Câu hỏi của người dân, doanh nghiệp và câu trả lời của các đơn vị thuộc Bộ.",
        privacy_page=privacy,
    )
    qa_en = _translated(
        qa_vi,
        home_en,
        "questions",
        "Questions and answers",
        privacy_en,
        "Questions from the public and businesses, answered by the ministry's departments.",
    )
    _ensure_questions(qa_vi, QUESTIONS_VI, "vi")
    _ensure_questions(qa_en, QUESTIONS_EN, "en")

    drafts_vi = ensure_child(
        home_vi,
        ConsultationIndexPage,
        "lay-y-kien-du-thao",
        title="Lấy ý kiến dự thảo",
        show_in_menus=True,
        intro="Dự thảo văn bản quy phạm pháp luật do Bộ chủ trì soạn thảo, mở để người dân góp ý.",
        privacy_page=privacy,
    )
    drafts_en = _translated(
        drafts_vi,
        home_en,
        "draft-consultations",
        "Draft consultations",
        privacy_en,
        "Draft regulations prepared by the ministry, open for public comment.",
    )
    _ensure_drafts(drafts_vi, drafts_en, privacy, privacy_en)
    log("Hỏi đáp và lấy ý kiến dự thảo: xong.")


def _translated(
    page: Page, home_en: Page, slug: str, title: str, privacy_en: Page, intro: str
) -> Page:
    translation = page.get_translation_or_none(home_en.locale)
    if translation is None:
        translation = page.copy_for_translation(home_en.locale)
        translation.slug, translation.title, translation.intro = slug, title, intro
        translation.privacy_page = privacy_en
        translation.save_revision().publish()
    return translation.specific


def _ensure_questions(page: QuestionIndexPage, questions: list, language: str) -> None:
    if Question.objects.filter(index_page=page).exists():
        return
    now = timezone.now()
    for number, (topic, name, text, answer) in enumerate(questions):
        asked = now - timedelta(days=40 - number * 7)
        Question.objects.create(
            index_page=page,
            topic=topic,
            text=text,
            name=name,
            email=f"nguoi-hoi-{language}-{number}@example.vn",
            language=language,
            consented_at=asked,
            created_at=asked,
            status=Question.Status.PUBLISHED,
            unit="Văn phòng Bộ",
            answer="".join(f"<p>{paragraph}</p>" for paragraph in answer),
            decided_at=asked + timedelta(days=5),
            published_at=asked + timedelta(days=5),
        )
    # One still waiting for an answer: in the admin queue, never public.
    Question.objects.create(
        index_page=page,
        topic=Topic.OTHER,
        text="Câu hỏi đang chờ trả lời." if language == "vi" else "A question awaiting an answer.",
        name="Đỗ Minh Châu",
        email=f"cho-tra-loi-{language}@example.vn",
        phone="0912 345 678",
        language=language,
        consented_at=now,
    )


def _articles(pairs: list[tuple[str, str]]) -> list[dict]:
    return [
        {"type": "article", "value": {"title": title, "text": f"<p>{text}</p>"}}
        for title, text in pairs
    ]


def _ensure_drafts(index_vi: Page, index_en: Page, privacy: Page, privacy_en: Page) -> None:
    now = timezone.now()
    open_vi = ensure_child(
        index_vi,
        DraftConsultationPage,
        "du-thao-thong-tu-chu-ky-so",
        title="Dự thảo Thông tư quy định về chữ ký số trên văn bản điện tử",
        lead="Bộ lấy ý kiến rộng rãi về dự thảo Thông tư quy định việc sử dụng chữ ký số trên văn bản điện tử của cơ quan nhà nước.",
        drafting_body="Vụ Pháp chế",
        opens_at=now - timedelta(days=10),
        closes_at=now + timedelta(days=50),
        articles=_articles(ARTICLES_VI),
        privacy_page=privacy,
    )
    closed_vi = ensure_child(
        index_vi,
        DraftConsultationPage,
        "du-thao-quy-che-cong-du-lieu-mo",
        title="Dự thảo Quy chế cung cấp dữ liệu mở của Bộ",
        lead="Quy chế về danh mục, định dạng và cách cập nhật dữ liệu mở do Bộ công bố.",
        drafting_body="Cục Chuyển đổi số quốc gia",
        opens_at=now - timedelta(days=120),
        closes_at=now - timedelta(days=60),
        articles=_articles(ARTICLES_VI[:2]),
        privacy_page=privacy,
        summary_report=(
            "<p>Bộ nhận được 3 ý kiến; 2 ý kiến được tiếp thu.</p>"
            "<ul><li>Tiếp thu: bổ sung định dạng CSV cho mọi bộ dữ liệu, vì dễ mở bằng phần mềm phổ biến.</li>"
            "<li>Tiếp thu: ghi ngày cập nhật trên từng bộ dữ liệu.</li>"
            "<li>Chưa tiếp thu: cung cấp dữ liệu theo thời gian thực, vì hệ thống nguồn chưa hỗ trợ; sẽ xem xét ở giai đoạn sau.</li></ul>"
        ),
    )
    if not DraftComment.objects.filter(consultation=closed_vi).exists():
        for number, (article, name, text) in enumerate(
            [
                (
                    1,
                    "Vũ Thị Lan",
                    "Đề nghị mọi bộ dữ liệu có bản CSV để người dân mở bằng bảng tính.",
                ),
                (None, "Hoàng Văn Nam", "Cần ghi rõ ngày cập nhật gần nhất của từng bộ dữ liệu."),
            ]
        ):
            DraftComment.objects.create(
                consultation=closed_vi,
                article_number=article,
                text=text,
                name=name,
                email=f"gop-y-{number}@example.vn",
                consented_at=now - timedelta(days=90),
                created_at=now - timedelta(days=90 - number),
                status=DraftComment.Status.PUBLISHED,
                decided_at=now - timedelta(days=80),
            )
    for page, slug, title, lead, articles in (
        (
            open_vi,
            "digital-signature-circular",
            "Draft circular on digital signatures on electronic documents",
            "The ministry invites comments on a draft circular on digital signatures on state bodies' electronic documents.",
            ARTICLES_EN,
        ),
        (
            closed_vi,
            "open-data-regulation",
            "Draft regulation on the ministry's open data",
            "Rules on the list, formats and updating of the open data the ministry publishes.",
            ARTICLES_EN[:2],
        ),
    ):
        if page.get_translation_or_none(index_en.locale) is None:
            translation = page.copy_for_translation(index_en.locale, copy_parents=False)
            translation.slug, translation.title, translation.lead = slug, title, lead
            translation.articles = _articles(articles)
            translation.privacy_page = privacy_en
            if page.summary_report:
                translation.summary_report = (
                    "<p>Three comments were received; two were accepted: CSV for every data set, "
                    "and the date of the last update on each. Real-time data was not accepted "
                    "for now: the source systems cannot provide it yet.</p>"
                )
            translation.save_revision().publish()

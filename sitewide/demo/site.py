"""The demo site's skeleton: both home pages, the information pages and the site settings."""

from datetime import date

from wagtail.models import Locale, Page, Site

from core.models import SiteSettings
from news.demo.articles import ensure_child, publish
from sitewide.models import HomePage, StandardPage


def _rich(*paragraphs: str) -> list[dict]:
    return [{"type": "paragraph", "value": "".join(f"<p>{p}</p>" for p in paragraphs)}]


def _heading(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def ensure_home_vi() -> HomePage:
    """The Vietnamese home at the tree's top, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale__language_code="vi").first()
    if home is None:
        home = HomePage(
            title="Cổng thông tin điện tử Bộ",
            slug="trang-chu",
            intro="Tin tức, chính sách và sản phẩm đa phương tiện của Bộ, dành cho mọi người đọc.",
        )
        root.add_child(instance=home)
        publish(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Cổng thông tin điện tử Bộ",
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Cổng thông tin điện tử Bộ"
        site.save()
        if old_root.specific_class is Page:  # Wagtail's "Welcome" placeholder page
            old_root.delete()
    return home


def ensure_home_en(home_vi: HomePage) -> HomePage:
    locale, _ = Locale.objects.get_or_create(language_code="en")
    home_en = home_vi.get_translation_or_none(locale)
    if home_en is None:
        home_en = home_vi.copy_for_translation(locale)
        home_en.title = "Ministry Portal"
        home_en.slug = "home"
        home_en.intro = "News, policies and multimedia from the Ministry, written for every reader."
        publish(home_en)
    return home_en.specific


ACCESSIBILITY_VI = [
    _rich(
        "Cổng thông tin cam kết bảo đảm mọi người, kể cả người khuyết tật, đều tiếp cận được thông tin."
    ),
    [_heading("Tiêu chuẩn áp dụng")],
    _rich(
        "Cổng thông tin tuân thủ đầy đủ TCVN 9249:2012 và hướng tới mức AA của WCAG 2.2. "
        "Mọi trang được kiểm tra tự động bằng axe-core trong trình duyệt thật mỗi lần cập nhật phần mềm, "
        "ở chế độ hiển thị mặc định, chữ lớn và tương phản cao, với màn hình rộng 320 và 1280 điểm ảnh."
    ),
    [_heading("Hạn chế đã biết")],
    _rich(
        "Một số tài liệu PDF cũ đăng trước năm 2024 chưa có cấu trúc tiêu đề; chúng tôi đang chuyển đổi dần.",
        "Nội dung nhúng từ nguồn bên ngoài có thể chưa đạt chuẩn; mỗi nội dung nhúng đều có liên kết mở bản gốc.",
    ),
    [_heading("Báo rào cản tiếp cận")],
    _rich(
        "Nếu bạn gặp khó khăn khi đọc hoặc sử dụng bất kỳ trang nào, hãy gửi thư tới "
        '<a href="mailto:tiepcan@example.gov.vn">tiepcan@example.gov.vn</a> hoặc gọi số 024 3000 0000. '
        "Chúng tôi trả lời trong vòng 5 ngày làm việc."
    ),
]
ACCESSIBILITY_EN = [
    _rich(
        "The portal is committed to making its information available to everyone, including people with disabilities."
    ),
    [_heading("Standard")],
    _rich(
        "The portal fully meets TCVN 9249:2012 and aims at WCAG 2.2 level AA. Every page is checked "
        "automatically with axe-core in a real browser on every software update, in the default, large-text "
        "and high-contrast modes, at 320 and 1280 pixels wide."
    ),
    [_heading("Known limitations")],
    _rich(
        "Some PDF documents published before 2024 have no heading structure; we are converting them.",
        "Content embedded from other sites may not meet the standard; every embed links to its original.",
    ),
    [_heading("Report a barrier")],
    _rich(
        "If anything on the portal is hard to read or use, write to "
        '<a href="mailto:tiepcan@example.gov.vn">tiepcan@example.gov.vn</a> or call +84 24 3000 0000. '
        "We answer within five working days."
    ),
]


def _flatten(parts: list) -> list[dict]:
    return [block for part in parts for block in part]


INFO_PAGES = [
    # slug, vi title, vi intro, en slug, en title, en intro, in menu
    (
        "gioi-thieu",
        "Giới thiệu",
        "Chức năng, nhiệm vụ và lịch sử hình thành của Bộ.",
        "about",
        "About the Ministry",
        "The Ministry's mandate, duties and history.",
        True,
    ),
    (
        "co-cau-to-chuc",
        "Cơ cấu tổ chức",
        "Lãnh đạo Bộ và các đơn vị trực thuộc.",
        "organisation",
        "Organisation",
        "The Ministry's leadership and its departments.",
        False,
    ),
    (
        "lien-he",
        "Liên hệ",
        "Địa chỉ, điện thoại và thư điện tử để liên hệ với Bộ.",
        "contact",
        "Contact",
        "How to reach the Ministry by post, telephone and email.",
        True,
    ),
]


def ensure_information_pages(home_vi: HomePage, home_en: HomePage) -> dict[str, StandardPage]:
    pages: dict[str, StandardPage] = {}
    locale_en = home_en.locale
    for slug, title, intro, slug_en, title_en, intro_en, in_menu in INFO_PAGES:
        parent = pages["gioi-thieu"] if slug == "co-cau-to-chuc" else home_vi
        body = _rich(
            intro, "Trụ sở: số 1 phố Ví Dụ, quận Ba Đình, Hà Nội. Điện thoại: 024 3000 0000."
        )
        page = ensure_child(
            parent, StandardPage, slug, title=title, intro=intro, body=body, show_in_menus=in_menu
        )
        pages[slug] = page
        _ensure_translation(
            page,
            locale_en,
            slug_en,
            title_en,
            intro_en,
            _rich(
                intro_en,
                "Head office: 1 Example Street, Ba Dinh, Hanoi. Telephone: +84 24 3000 0000.",
            ),
        )
    statement = ensure_child(
        home_vi,
        StandardPage,
        "tuyen-bo-ho-tro-tiep-can",
        title="Tuyên bố hỗ trợ tiếp cận",
        intro="Mức độ tuân thủ tiêu chuẩn hỗ trợ người khuyết tật và cách báo rào cản.",
        body=_flatten(ACCESSIBILITY_VI),
        last_reviewed=date(2026, 11, 20),
    )
    pages["tuyen-bo-ho-tro-tiep-can"] = statement
    _ensure_translation(
        statement,
        locale_en,
        "accessibility-statement",
        "Accessibility statement",
        "How far the portal meets accessibility standards, and how to report a barrier.",
        _flatten(ACCESSIBILITY_EN),
    )
    return pages


def ensure_privacy_notice(
    home_vi: HomePage, home_en: HomePage, text_vi: tuple[str, ...], text_en: tuple[str, ...]
) -> tuple[StandardPage, StandardPage]:
    """The personal data notice the participation forms link to, in both languages."""
    privacy = ensure_child(
        home_vi,
        StandardPage,
        "bao-ve-du-lieu-ca-nhan",
        title="Thông báo về bảo vệ dữ liệu cá nhân",
        intro="Bộ xử lý dữ liệu cá nhân của người gửi câu hỏi, góp ý như thế nào.",
        body=_rich(*text_vi),
    )
    privacy_en = _ensure_translation(
        privacy,
        home_en.locale,
        "personal-data",
        "Personal data notice",
        "How the ministry handles the personal data of people who send questions and comments.",
        _rich(*text_en),
    )
    return privacy, privacy_en


def _ensure_translation(
    page: Page, locale: Locale, slug: str, title: str, intro: str, body: list
) -> Page:
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale)
        translation.slug, translation.title = slug, title
        if hasattr(translation, "intro"):
            translation.intro = intro
        if hasattr(translation, "body"):
            translation.body = body
        publish(translation)
    return translation


def ensure_site_settings(site: Site, statement: Page) -> None:
    settings_obj = SiteSettings.for_site(site)
    settings_obj.portal_name = "Cổng thông tin điện tử Bộ"
    settings_obj.portal_name_en = "Ministry Portal"
    settings_obj.owner = "Trung tâm Thông tin – Bộ (đơn vị vận hành)"
    settings_obj.address = "Số 1 phố Ví Dụ, quận Ba Đình, Hà Nội"
    settings_obj.phone = "024 3000 0000"
    settings_obj.email = "banbientap@example.gov.vn"
    settings_obj.accessibility_email = "tiepcan@example.gov.vn"
    settings_obj.accessibility_statement = statement
    settings_obj.licence_note = (
        "Giấy phép thiết lập trang thông tin điện tử số 000/GP (dữ liệu minh họa)."
    )
    settings_obj.save()


def demo_site(home: HomePage) -> Site:
    return Site.objects.get(root_page=home)
